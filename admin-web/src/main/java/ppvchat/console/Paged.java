package ppvchat.console;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * A console table read a page at a time from its boundary: how many rows there are, one page of them,
 * and each row's key.
 */
public final class Paged<T> extends LazyDataModel<T> {

    private static final long serialVersionUID = 1L;

    public interface Count extends Serializable {
        long get();
    }

    public interface Page<T> extends Serializable {
        List<T> of(int first, int size);
    }

    public interface Key<T> extends Serializable, ToLongFunction<T> {}

    private final Count count;
    private final Page<T> page;
    private final Key<T> key;

    public Paged(Count count, Page<T> page, Key<T> key) {
        this.count = count;
        this.page = page;
        this.key = key;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return (int) Math.min(Integer.MAX_VALUE, count.get());
    }

    @Override
    public List<T> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        return page.of(first, pageSize);
    }

    @Override
    public String getRowKey(T row) {
        return String.valueOf(key.applyAsLong(row));
    }
}
