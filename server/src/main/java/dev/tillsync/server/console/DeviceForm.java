package dev.tillsync.server.console;

import dev.tillsync.server.device.DeviceView;
import dev.tillsync.server.Limits;
import dev.tillsync.server.refusal.Refusal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the POS Offline form into a DeviceView. Child rows are named {@code u-N-field} / {@code s-N-field}
 * (N is only a row key; rows are added and removed in the browser); a row with no user is ignored.
 */
final class DeviceForm {
    private static final Pattern USER_FIELD = Pattern.compile("u-(\\d{1,6})-(user|fn|ln|cfg|exp|rep)");
    private static final Pattern SHIFT_FIELD = Pattern.compile("s-(\\d{1,6})-(user|type)");

    private DeviceForm() {}

    static DeviceView parse(Map<String, List<String>> form, String fixedPosId) {
        String posId = fixedPosId != null ? fixedPosId : trim(first(form, "posId"));
        Integer rows = null;
        String rowsText = trim(first(form, "syncRowsPerRequest"));
        if (rowsText != null) {
            try {
                rows = Integer.parseInt(rowsText);
            } catch (NumberFormatException e) {
                throw Refusal.invalid("invalid_rows_per_request", "POS Sync Rows Per Request must be a whole number ("
                        + Limits.ROWS_PER_REQUEST_MIN + " to " + Limits.ROWS_PER_REQUEST_MAX + ").");
            }
        }
        String description = first(form, "description");
        return new DeviceView(posId, trim(first(form, "invoiceSeries")), trim(first(form, "customerSeries")),
                trim(first(form, "posProfile")), rows, null, null, description == null ? "" : description.strip(), null,
                users(form), shiftUsers(form));
    }

    private static List<DeviceView.DeviceUserView> users(Map<String, List<String>> form) {
        Map<Integer, Map<String, String>> rows = group(form, USER_FIELD);
        List<DeviceView.DeviceUserView> out = new ArrayList<>();
        for (Map<String, String> r : rows.values()) {
            String user = trim(r.get("user"));
            if (user == null) continue;
            out.add(new DeviceView.DeviceUserView(user.toLowerCase(), trim(r.get("fn")), trim(r.get("ln")),
                    r.containsKey("cfg"), r.containsKey("exp"), r.containsKey("rep")));
        }
        return out;
    }

    private static List<DeviceView.ShiftUserView> shiftUsers(Map<String, List<String>> form) {
        Map<Integer, Map<String, String>> rows = group(form, SHIFT_FIELD);
        List<DeviceView.ShiftUserView> out = new ArrayList<>();
        for (Map<String, String> r : rows.values()) {
            String user = trim(r.get("user"));
            if (user == null) continue;
            out.add(new DeviceView.ShiftUserView(user.toLowerCase(), trim(r.get("type"))));
        }
        return out;
    }

    private static Map<Integer, Map<String, String>> group(Map<String, List<String>> form, Pattern p) {
        Map<Integer, Map<String, String>> rows = new TreeMap<>();
        for (Map.Entry<String, List<String>> e : form.entrySet()) {
            Matcher m = p.matcher(e.getKey());
            if (m.matches() && !e.getValue().isEmpty()) {
                rows.computeIfAbsent(Integer.parseInt(m.group(1)), k -> new TreeMap<>()).put(m.group(2), e.getValue().get(0));
            }
        }
        return rows;
    }

    private static String first(Map<String, List<String>> form, String name) {
        List<String> v = form.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    private static String trim(String s) {
        if (s == null) return null;
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }
}
