package dev.tillsync.server.console;

import static dev.tillsync.server.console.Html.e;
import static dev.tillsync.server.console.Html.url;

import dev.tillsync.core.sync.ConnectionStatus;
import dev.tillsync.server.Services;
import dev.tillsync.server.device.DeviceView;
import dev.tillsync.server.device.LinkService;
import dev.tillsync.server.http.ApiException;
import dev.tillsync.server.http.RefusalStatus;
import dev.tillsync.server.refusal.Refusal;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The POS Offline pages: device list, the device form with its two child tables, link codes and unlinking. */
final class DevicePages {
    static final int DEFAULT_SILENT_DAYS = 2;

    private final Services s;
    private final ConsoleQueries q;

    DevicePages(Services services, ConsoleQueries queries) {
        this.s = services;
        this.q = queries;
    }

    void list(Context ctx, ConsoleUser u) {
        int silentDays = silentDays(ctx.queryParam("silentDays"));
        Instant now = Instant.now();
        StringBuilder b = new StringBuilder();
        b.append("<div class=\"titlebar\"><h1>POS Offline devices</h1>");
        if (u.canEdit()) b.append("<a class=\"button primary\" id=\"new-device\" href=\"/console/new-device\">New device</a>");
        b.append("</div>");
        b.append("<form method=\"get\" class=\"filters\"><label>Highlight devices silent for more than ")
                .append("<input type=\"number\" min=\"0\" max=\"365\" name=\"silentDays\" id=\"silent-days\" value=\"").append(silentDays)
                .append("\"> days</label><button type=\"submit\">Apply</button></form>");
        b.append("<table class=\"grid\" id=\"devices\"><thead><tr><th>POS ID</th><th>POS Profile</th><th>Device Link Status</th>")
                .append("<th>Last Sync</th><th class=\"num\">Days since contact</th><th class=\"num\" title=\"Rows the device numbered that have not reached the server (gaps in its sequence)\">Pending</th>")
                .append("<th class=\"num\" title=\"Rows the server rejected\">Failed</th><th class=\"num\">To review</th><th>Description</th><th></th></tr></thead><tbody>");
        List<ConsoleQueries.DeviceLine> lines = q.deviceLines();
        for (ConsoleQueries.DeviceLine d : lines) {
            Duration silent = d.lastSync() == null ? null : Duration.between(d.lastSync(), now);
            boolean isSilent = silent != null && silent.compareTo(Duration.ofDays(silentDays)) > 0;
            String link = "/console/devices/" + url(d.posId());
            b.append("<tr data-pos-id=\"").append(e(d.posId())).append("\"").append(isSilent ? " class=\"silent\"" : "").append(">")
                    .append("<td><a href=\"").append(link).append("\">").append(e(d.posId())).append("</a></td>")
                    .append("<td class=\"t\">").append(e(d.profile())).append("</td>")
                    .append("<td>").append(Html.statusBadge(d.connectionStatus())).append("</td>")
                    .append("<td class=\"t\">").append(Html.time(d.lastSync())).append("</td>")
                    .append("<td class=\"num days\">").append(silent == null ? "never" : daysText(silent))
                    .append(isSilent ? " <span class=\"badge warn\">silent</span>" : "").append("</td>")
                    .append("<td class=\"num pending\">").append(d.pending()).append("</td>")
                    .append("<td class=\"num failed").append(d.failed() > 0 ? " bad-text" : "").append("\">").append(d.failed()).append("</td>")
                    .append("<td class=\"num\">").append(d.openFlags()).append("</td>")
                    .append("<td class=\"muted\">").append(e(d.description())).append("</td>")
                    .append("<td class=\"actions\"><a href=\"/console/sync?posId=").append(url(d.posId())).append("\">Sync status</a> · ")
                    .append("<a href=\"/console/reconciliation?posId=").append(url(d.posId())).append("\">Reconciliation</a></td></tr>");
        }
        if (lines.isEmpty()) b.append("<tr><td colspan=\"10\" class=\"muted\">No devices yet.</td></tr>");
        b.append("</tbody></table>");
        ctx.html(Layout.page(u, Layout.Tab.DEVICES, "Devices", b.toString()));
    }

    void newForm(Context ctx, ConsoleUser u) {
        List<String> profiles = q.profiles();
        DeviceView blank = new DeviceView("", null, null, profiles.isEmpty() ? null : profiles.get(0), 500,
                ConnectionStatus.UNLINKED, null, "", null, List.of(), List.of());
        ctx.html(formPage(u, blank, true, null, null));
    }

    void create(Context ctx, ConsoleUser u) {
        DeviceView spec = DeviceForm.parse(ctx.formParamMap(), null);
        try {
            DeviceView created = s.devices().create(spec);
            ctx.redirect("/console/devices/" + url(created.posId()) + "?saved=1", HttpStatus.SEE_OTHER);
        } catch (Refusal e) {
            DeviceView shown = new DeviceView(spec.posId(), spec.invoiceSeries(), spec.customerSeries(), spec.posProfile(),
                    spec.syncRowsPerRequest(), ConnectionStatus.UNLINKED, null, spec.description(), null, spec.users(), spec.shiftUsers());
            ctx.status(RefusalStatus.of(e.kind())).html(formPage(u, shown, true, e.getMessage(), null));
        }
    }

    void form(Context ctx, ConsoleUser u) {
        DeviceView v = s.devices().get(ctx.pathParam("posId"));
        String note = ctx.queryParam("saved") != null ? "Saved." : ctx.queryParam("status") != null ? "Device Link Status is now " + ctx.queryParam("status") + "." : null;
        ctx.html(formPage(u, v, false, null, note));
    }

    void save(Context ctx, ConsoleUser u) {
        String posId = ctx.pathParam("posId");
        DeviceView current = s.devices().get(posId);
        DeviceView spec = DeviceForm.parse(ctx.formParamMap(), posId);
        try {
            s.devices().update(posId, spec);
            ctx.redirect("/console/devices/" + url(posId) + "?saved=1", HttpStatus.SEE_OTHER);
        } catch (Refusal e) {
            DeviceView shown = new DeviceView(posId, spec.invoiceSeries(), spec.customerSeries(), spec.posProfile(),
                    spec.syncRowsPerRequest(), current.connectionStatus(), current.lastSync(), spec.description(), current.profilePlk(),
                    spec.users(), spec.shiftUsers());
            ctx.status(RefusalStatus.of(e.kind())).html(formPage(u, shown, false, e.getMessage(), null));
        }
    }

    void linkCode(Context ctx, ConsoleUser u) {
        String posId = ctx.pathParam("posId");
        LinkService.LinkCode code = s.links().issueCode(posId);
        String server = ctx.scheme() + "://" + ctx.host();
        String qrText = "tillsync://link?server=" + url(server) + "&code=" + url(code.code());
        String body = """
                <div class="titlebar"><h1>Link code for %s</h1></div>
                <div class="card linkcode">
                  <p class="notice warn">Shown once: it is stored only as a hash. Issuing another code cancels this one.</p>
                  <div class="code-row">
                    <img id="link-qr" alt="QR code of the link code" src="%s" width="220" height="220">
                    <div>
                      <div class="label">Link code</div>
                      <div class="code" id="link-code">%s</div>
                      <div class="muted">Valid until %s</div>
                      <p>On the terminal: <code>bin/pos terminal link --server %s --code %s</code>, or scan the QR code.</p>
                    </div>
                  </div>
                  <p><a href="/console/devices/%s">Back to %s</a></p>
                </div>
                """.formatted(e(posId), QrCode.pngDataUri(qrText, 220), e(code.code()), Html.time(code.expiresAt()), e(server),
                e(code.code()), url(posId), e(posId));
        ctx.header("Cache-Control", "no-store").html(Layout.page(u, Layout.Tab.DEVICES, "Link code", body));
    }

    void unlink(Context ctx, ConsoleUser u) {
        String posId = ctx.pathParam("posId");
        boolean force = "1".equals(ctx.formParam("force"));
        if (force && !"yes".equals(ctx.formParam("confirm"))) {
            DeviceView v = s.devices().get(posId);
            String body = """
                    <div class="titlebar"><h1>Force unlink %s?</h1></div>
                    <div class="card confirm">
                      <p>The device's secret stops working at once: it can no longer sync. Rows it has not pushed yet can still
                      arrive later through an export file upload.</p>
                      <p>Current status: %s</p>
                      <form method="post" action="/console/devices/%s/unlink" class="inline">%s
                        <input type="hidden" name="force" value="1"><input type="hidden" name="confirm" value="yes">
                        <button type="submit" class="danger" id="confirm-force-unlink">Yes, force unlink</button>
                      </form>
                      <a class="button" href="/console/devices/%s" id="cancel-force-unlink">Cancel</a>
                    </div>
                    """.formatted(e(posId), Html.statusBadge(v.connectionStatus().label()), url(posId), u.csrfField(), url(posId));
            ctx.html(Layout.page(u, Layout.Tab.DEVICES, "Force unlink", body));
            return;
        }
        ConnectionStatus now = s.links().unlink(posId, force);
        ctx.redirect("/console/devices/" + url(posId) + "?status=" + url(now.label()), HttpStatus.SEE_OTHER);
    }

    private String formPage(ConsoleUser u, DeviceView v, boolean isNew, String error, String note) {
        boolean edit = u.canEdit();
        List<String> profiles = q.profiles();
        List<String> shiftTypes = q.shiftTypes();
        StringBuilder b = new StringBuilder();
        b.append("<div class=\"titlebar\"><h1>").append(isNew ? "New POS Offline device" : "POS Offline " + e(v.posId())).append("</h1>");
        if (!isNew) b.append(Html.statusBadge(v.connectionStatus().label()));
        b.append("</div>");
        if (error != null) b.append(Layout.notice("error", error));
        if (note != null) b.append(Layout.notice("ok", note));
        if (!edit) b.append(Layout.notice("info", "Read only: changing devices needs the Accounts Manager role."));

        b.append("<div class=\"columns\"><form method=\"post\" id=\"device-form\" class=\"card main-col\" action=\"")
                .append(isNew ? "/console/devices" : "/console/devices/" + url(v.posId())).append("\">")
                .append(u.csrfField()).append("<fieldset").append(edit ? "" : " disabled").append("><legend>Basic information</legend><div class=\"fields\">");
        if (isNew) {
            field(b, "POS ID", "<input name=\"posId\" id=\"posId\" required maxlength=\"40\" pattern=\"[A-Za-z0-9][A-Za-z0-9_.\\-]{0,39}\" value=\"" + e(v.posId()) + "\">",
                    "Unique identifier of the offline POS device");
        } else {
            field(b, "POS ID", "<input id=\"posId\" value=\"" + e(v.posId()) + "\" readonly>", "Cannot change: it is in every number the device issued");
        }
        field(b, "POS Invoice numbering series", "<input name=\"invoiceSeries\" id=\"invoiceSeries\" value=\"" + e(v.invoiceSeries())
                + "\" placeholder=\"POS ID + '-'\">", "Invoices are numbered series + 6 digits");
        field(b, "POS Customer numbering series", "<input name=\"customerSeries\" id=\"customerSeries\" value=\"" + e(v.customerSeries())
                + "\" placeholder=\"CUST-…-\">", "Customers created offline");
        StringBuilder sel = new StringBuilder("<select name=\"posProfile\" id=\"posProfile\">");
        for (String p : profiles) sel.append("<option").append(Html.selected(p.equals(v.posProfile()))).append(">").append(e(p)).append("</option>");
        sel.append("</select>");
        field(b, "POS Profile", sel.toString(), "Settings for offline operation");
        field(b, "POS Sync Rows Per Request", "<input type=\"number\" min=\"1\" max=\"5000\" name=\"syncRowsPerRequest\" id=\"syncRowsPerRequest\" value=\""
                + e(v.syncRowsPerRequest()) + "\">", "Most rows per push");
        field(b, "Device Link Status", "<input id=\"connectionStatus\" value=\"" + e(v.connectionStatus().label()) + "\" readonly>", "Changed by linking and unlinking");
        field(b, "Last Sync", "<input id=\"lastSync\" value=\"" + e(Html.time(v.lastSync())) + "\" readonly>", null);
        field(b, "Profile PLK", "<input id=\"profilePlk\" value=\"" + e(v.profilePlk() == null ? "set from the profile on save" : v.profilePlk())
                + "\" readonly>", "Internal profile key");
        b.append("<label class=\"wide\"><span>Description</span><textarea name=\"description\" id=\"description\" rows=\"2\">")
                .append(e(v.description())).append("</textarea></label>");
        b.append("</div></fieldset>");

        userTable(b, v, edit);
        shiftTable(b, v, edit, shiftTypes);
        b.append("<datalist id=\"user-emails\">");
        for (String email : q.userEmails()) b.append("<option value=\"").append(e(email)).append("\">");
        b.append("</datalist>");
        if (edit) {
            b.append("<div class=\"form-actions\"><button type=\"submit\" class=\"primary\" id=\"save-device\">")
                    .append(isNew ? "Create device" : "Save").append("</button>")
                    .append("<a class=\"button\" href=\"/console/devices\">Cancel</a></div>");
        }
        b.append("</form>");

        if (!isNew) linkPanel(b, u, v);
        b.append("</div>");
        return Layout.page(u, Layout.Tab.DEVICES, isNew ? "New device" : v.posId(), b.toString());
    }

    private static void linkPanel(StringBuilder b, ConsoleUser u, DeviceView v) {
        String base = "/console/devices/" + url(v.posId());
        b.append("<aside class=\"card side-col\" id=\"link-panel\"><h2>Link</h2><p>Status: ").append(Html.statusBadge(v.connectionStatus().label()))
                .append("</p><p class=\"muted\">Last sync ").append(Html.time(v.lastSync())).append("</p>");
        if (u.canEdit()) {
            b.append("<form method=\"post\" action=\"").append(base).append("/link-code\">").append(u.csrfField())
                    .append("<button type=\"submit\" class=\"primary\" id=\"issue-link-code\">Issue link code</button></form>");
            if (v.connectionStatus() == ConnectionStatus.LINKED) {
                b.append("<form method=\"post\" action=\"").append(base).append("/unlink\">").append(u.csrfField())
                        .append("<button type=\"submit\" id=\"unlink\">Unlink</button>")
                        .append("<p class=\"muted small\">The terminal pushes what it holds, then confirms.</p></form>");
            }
            if (v.connectionStatus() != ConnectionStatus.UNLINKED) {
                b.append("<form method=\"post\" action=\"").append(base).append("/unlink\">").append(u.csrfField())
                        .append("<input type=\"hidden\" name=\"force\" value=\"1\">")
                        .append("<button type=\"submit\" class=\"danger\" id=\"force-unlink\">Force unlink…</button>")
                        .append("<p class=\"muted small\">For a device that will not come back.</p></form>");
            }
        }
        b.append("<p><a href=\"/console/sync?posId=").append(url(v.posId())).append("\">Sync status</a> · <a href=\"/console/reconciliation?posId=")
                .append(url(v.posId())).append("\">Reconciliation</a></p></aside>");
    }

    private static void userTable(StringBuilder b, DeviceView v, boolean edit) {
        b.append("<fieldset").append(edit ? "" : " disabled").append("><legend>POS Offline Users</legend>")
                .append("<table class=\"grid child\" id=\"users-table\" data-next=\"").append(v.users().size()).append("\"><thead><tr>")
                .append("<th>User</th><th>First Name</th><th>Last Name</th><th>Can Configure POS</th><th>Can Export POS Log</th><th>Can Re-Print</th>")
                .append(edit ? "<th></th>" : "").append("</tr></thead><tbody>");
        int i = 0;
        for (DeviceView.DeviceUserView du : v.users()) {
            b.append(userRow(String.valueOf(i++), du, edit));
        }
        b.append("</tbody></table>");
        if (edit) {
            b.append("<template id=\"users-row\">").append(userRow("__i__", null, true)).append("</template>")
                    .append("<button type=\"button\" class=\"small\" data-add-row=\"users\" id=\"add-user\">Add user</button>");
        }
        b.append("</fieldset>");
    }

    private static String userRow(String i, DeviceView.DeviceUserView du, boolean edit) {
        String p = "u-" + i + "-";
        return "<tr>"
                + "<td><input name=\"" + p + "user\" list=\"user-emails\" class=\"user\" value=\"" + e(du == null ? "" : du.user()) + "\"></td>"
                + "<td><input name=\"" + p + "fn\" class=\"fn\" value=\"" + e(du == null ? "" : du.firstName()) + "\"></td>"
                + "<td><input name=\"" + p + "ln\" class=\"ln\" value=\"" + e(du == null ? "" : du.lastName()) + "\"></td>"
                + "<td class=\"check\"><input type=\"checkbox\" name=\"" + p + "cfg\" class=\"cfg\"" + Html.checked(du != null && du.canConfigurePos()) + "></td>"
                + "<td class=\"check\"><input type=\"checkbox\" name=\"" + p + "exp\" class=\"exp\"" + Html.checked(du != null && du.canExportLog()) + "></td>"
                + "<td class=\"check\"><input type=\"checkbox\" name=\"" + p + "rep\" class=\"rep\"" + Html.checked(du != null && du.canReprint()) + "></td>"
                + (edit ? "<td><button type=\"button\" class=\"small link\" data-remove-row>Remove</button></td>" : "")
                + "</tr>";
    }

    private static void shiftTable(StringBuilder b, DeviceView v, boolean edit, List<String> types) {
        b.append("<fieldset").append(edit ? "" : " disabled").append("><legend>Shift Users</legend>")
                .append("<table class=\"grid child\" id=\"shifts-table\" data-next=\"").append(v.shiftUsers().size()).append("\"><thead><tr>")
                .append("<th>User</th><th>Shift Type</th>").append(edit ? "<th></th>" : "").append("</tr></thead><tbody>");
        int i = 0;
        for (DeviceView.ShiftUserView su : v.shiftUsers()) b.append(shiftRow(String.valueOf(i++), su, edit, types));
        b.append("</tbody></table>");
        if (edit) {
            b.append("<template id=\"shifts-row\">").append(shiftRow("__i__", null, true, types)).append("</template>")
                    .append("<button type=\"button\" class=\"small\" data-add-row=\"shifts\" id=\"add-shift-user\">Add shift user</button>");
        }
        b.append("</fieldset>");
    }

    private static String shiftRow(String i, DeviceView.ShiftUserView su, boolean edit, List<String> types) {
        StringBuilder sel = new StringBuilder("<select name=\"s-" + i + "-type\" class=\"type\">");
        for (String t : types) sel.append("<option").append(Html.selected(su != null && t.equals(su.shiftType()))).append(">").append(e(t)).append("</option>");
        sel.append("</select>");
        return "<tr><td><input name=\"s-" + i + "-user\" list=\"user-emails\" class=\"user\" value=\"" + e(su == null ? "" : su.user()) + "\"></td>"
                + "<td>" + sel + "</td>"
                + (edit ? "<td><button type=\"button\" class=\"small link\" data-remove-row>Remove</button></td>" : "") + "</tr>";
    }

    private static void field(StringBuilder b, String label, String input, String help) {
        b.append("<label><span>").append(e(label)).append("</span>").append(input);
        if (help != null) b.append("<small>").append(e(help)).append("</small>");
        b.append("</label>");
    }

    static int silentDays(String text) {
        if (text == null || text.isBlank()) return DEFAULT_SILENT_DAYS;
        try {
            int d = Integer.parseInt(text.trim());
            if (d < 0 || d > 3650) throw new NumberFormatException();
            return d;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("invalid_silent_days", "silentDays must be a whole number of days (0 to 3650).");
        }
    }

    private static String daysText(Duration d) {
        long hours = d.toHours();
        if (hours < 24) return "0";
        return String.valueOf(hours / 24);
    }
}
