package ppvchat.payouts.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Maps {@link EarningAction} to the seed's lower-case column values. */
@Converter
public class EarningActionConverter implements AttributeConverter<EarningAction, String> {

    @Override
    public String convertToDatabaseColumn(EarningAction action) {
        return action == null ? null : action.column();
    }

    @Override
    public EarningAction convertToEntityAttribute(String column) {
        return column == null ? null : EarningAction.ofColumn(column);
    }
}
