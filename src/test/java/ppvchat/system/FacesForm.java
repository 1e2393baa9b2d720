package ppvchat.system;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fields of a Faces form as a browser would post them: its inputs (the view state included), text
 * areas and the selected option of each select, read from the page. Tests change some and post the rest.
 */
final class FacesForm {

    private static final Pattern INPUT = Pattern.compile("<input\\b([^>]*)>");
    private static final Pattern TEXTAREA = Pattern.compile("<textarea\\b([^>]*)>(.*?)</textarea>", Pattern.DOTALL);
    private static final Pattern SELECT = Pattern.compile("<select\\b([^>]*)>(.*?)</select>", Pattern.DOTALL);
    private static final Pattern SELECTED =
            Pattern.compile("<option\\b[^>]*value=\"([^\"]*)\"[^>]*selected[^>]*>", Pattern.DOTALL);

    private FacesForm() {}

    /** The fields of the form {@code id} on {@code page}, plus the form's own marker field. */
    static Map<String, String> fields(String page, String id) {
        int start = page.indexOf("<form id=\"" + id + "\"");
        if (start < 0) {
            throw new AssertionError("no form " + id + " on the page: " + page);
        }
        String form = page.substring(start, page.indexOf("</form>", start));
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher input = INPUT.matcher(form);
        while (input.find()) {
            String name = attribute(input.group(1), "name");
            String type = attribute(input.group(1), "type");
            if (name != null && !"submit".equals(type) && !"checkbox".equals(type)) {
                fields.put(name, unescaped(valueOr(attribute(input.group(1), "value"), "")));
            }
        }
        Matcher area = TEXTAREA.matcher(form);
        while (area.find()) {
            String content = area.group(2).startsWith("\n") ? area.group(2).substring(1) : area.group(2);
            fields.put(attribute(area.group(1), "name"), unescaped(content));
        }
        Matcher select = SELECT.matcher(form);
        while (select.find()) {
            Matcher selected = SELECTED.matcher(select.group(2));
            fields.put(attribute(select.group(1), "name"), selected.find() ? unescaped(selected.group(1)) : "");
        }
        fields.put(id, id);
        return fields;
    }

    /**
     * The form fields with one button pressed: the button labelled {@code label} in the table row that shows
     * {@code rowText} (a Faces command button posts its own name).
     */
    static Map<String, String> pressInRow(String page, String formId, String rowText, String label) {
        Matcher row = Pattern.compile(
                        "<tr[^>]*>(?:(?!</tr>).)*" + Pattern.quote(rowText) + "(?:(?!</tr>).)*</tr>", Pattern.DOTALL)
                .matcher(page);
        if (!row.find()) {
            throw new AssertionError("no row with " + rowText + " on the page: " + page);
        }
        Matcher button = Pattern.compile("<button\\b((?:(?!</button>).)*)</button>", Pattern.DOTALL)
                .matcher(row.group());
        while (button.find()) {
            if (button.group(1).contains(label)) {
                Map<String, String> fields = fields(page, formId);
                fields.put(attribute(button.group(1), "name"), "");
                return fields;
            }
        }
        throw new AssertionError("no " + label + " button in the row: " + row.group());
    }

    private static String attribute(String attributes, String name) {
        Matcher value = Pattern.compile("\\b" + name + "=\"([^\"]*)\"").matcher(attributes);
        return value.find() ? value.group(1) : null;
    }

    private static String valueOr(String value, String fallback) {
        return value == null ? fallback : value;
    }

    private static String unescaped(String html) {
        return html.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&#10;", "\n")
                .replace("&amp;", "&");
    }
}
