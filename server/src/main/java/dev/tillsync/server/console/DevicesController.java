package dev.tillsync.server.console;

import static dev.tillsync.server.console.Format.url;

import dev.tillsync.core.sync.ConnectionStatus;
import dev.tillsync.server.Limits;
import dev.tillsync.server.Services;
import dev.tillsync.server.device.DeviceView;
import dev.tillsync.server.device.LinkService;
import dev.tillsync.server.http.RefusalStatus;
import dev.tillsync.server.refusal.Refusal;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The POS Offline pages: device list, the device form with its two child tables, link codes and unlinking. */
final class DevicesController {
    static final int DEFAULT_SILENT_DAYS = 2;

    private final Services s;
    private final ConsoleQueries q;
    private final Views views;
    private final java.util.Optional<dev.tillsync.core.tls.CertificateFingerprint> tlsFingerprint;

    DevicesController(Services services, ConsoleQueries queries, Views views,
                      java.util.Optional<dev.tillsync.core.tls.CertificateFingerprint> tlsFingerprint) {
        this.s = services;
        this.q = queries;
        this.views = views;
        this.tlsFingerprint = tlsFingerprint;
    }

    void list(Context ctx, ConsoleUser u) {
        int silentDays = silentDays(ctx.queryParam("silentDays"));
        Instant now = Instant.now();
        List<DeviceListModel.Line> lines = q.deviceLines().stream().map(d -> {
            Duration silent = d.lastSync() == null ? null : Duration.between(d.lastSync(), now);
            boolean isSilent = silent != null && silent.compareTo(Duration.ofDays(silentDays)) > 0;
            return new DeviceListModel.Line(d.posId(), url(d.posId()), d.profile(), d.connectionStatus(), Format.time(d.lastSync()),
                    silent == null ? "never" : daysText(silent), isSilent, d.pending(), d.failed(), d.openFlags(), d.description());
        }).toList();
        views.html(ctx, "devices", new DeviceListModel(Frame.of(u, Frame.Tab.DEVICES, "Devices"), u.canEdit(), silentDays, lines));
    }

    void newForm(Context ctx, ConsoleUser u) {
        List<String> profiles = q.profiles();
        DeviceView blank = new DeviceView("", null, null, profiles.isEmpty() ? null : profiles.get(0), Limits.ROWS_PER_REQUEST_DEFAULT,
                ConnectionStatus.UNLINKED, null, "", null, List.of(), List.of());
        views.html(ctx, "deviceForm", form(u, blank, true, null, null));
    }

    void create(Context ctx, ConsoleUser u) {
        DeviceView spec = DeviceForm.parse(ctx.formParamMap(), null);
        try {
            DeviceView created = s.devices().create(spec);
            ctx.redirect("/console/devices/" + url(created.posId()) + "?saved=1", HttpStatus.SEE_OTHER);
        } catch (Refusal e) {
            DeviceView shown = new DeviceView(spec.posId(), spec.invoiceSeries(), spec.customerSeries(), spec.posProfile(),
                    spec.syncRowsPerRequest(), ConnectionStatus.UNLINKED, null, spec.description(), null, spec.users(), spec.shiftUsers());
            ctx.status(RefusalStatus.of(e.kind()));
            views.html(ctx, "deviceForm", form(u, shown, true, e.getMessage(), null));
        }
    }

    void form(Context ctx, ConsoleUser u) {
        DeviceView v = s.devices().get(ctx.pathParam("posId"));
        String note = ctx.queryParam("saved") != null ? "Saved." : ctx.queryParam("status") != null ? "Device Link Status is now " + ctx.queryParam("status") + "." : null;
        views.html(ctx, "deviceForm", form(u, v, false, null, note));
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
                    spec.users(), spec.shiftUsers(), current.clockOffset());
            ctx.status(RefusalStatus.of(e.kind()));
            views.html(ctx, "deviceForm", form(u, shown, false, e.getMessage(), null));
        }
    }

    void linkCode(Context ctx, ConsoleUser u) {
        String posId = ctx.pathParam("posId");
        LinkService.LinkCode code = s.links().issueCode(posId);
        String server = ctx.scheme() + "://" + ctx.host();
        // Under TLS the QR carries the certificate's fingerprint: the till pins it, so the code is redeemed only with
        // this server and every later call goes to it alone.
        String fp = tlsFingerprint.map(Object::toString).orElse(null);
        String qrText = "tillsync://link?server=" + url(server) + "&code=" + url(code.code()) + (fp == null ? "" : "&fp=" + url(fp));
        ctx.header("Cache-Control", "no-store");
        views.html(ctx, "linkCode", new LinkCodeModel(Frame.of(u, Frame.Tab.DEVICES, "Link code"), posId, code.code(),
                QrCode.pngDataUri(qrText, 220), Format.time(code.expiresAt()), server, fp,
                tlsFingerprint.map(dev.tillsync.core.tls.CertificateFingerprint::grouped).orElse(null)));
    }

    void unlink(Context ctx, ConsoleUser u) {
        String posId = ctx.pathParam("posId");
        boolean force = "1".equals(ctx.formParam("force"));
        if (force && !"yes".equals(ctx.formParam("confirm"))) {
            DeviceView v = s.devices().get(posId);
            views.html(ctx, "forceUnlink", new ForceUnlinkModel(Frame.of(u, Frame.Tab.DEVICES, "Force unlink"), posId,
                    v.connectionStatus().label()));
            return;
        }
        ConnectionStatus now = s.links().unlink(posId, force);
        ctx.redirect("/console/devices/" + url(posId) + "?status=" + url(now.label()), HttpStatus.SEE_OTHER);
    }

    private DeviceFormModel form(ConsoleUser u, DeviceView v, boolean isNew, String error, String note) {
        Frame frame = Frame.of(u, Frame.Tab.DEVICES, isNew ? "New device" : v.posId());
        return new DeviceFormModel(frame, isNew, u.canEdit(), v, error, note, q.profiles(), q.shiftTypes(), q.userEmails(),
                Limits.ROWS_PER_REQUEST_MIN, Limits.ROWS_PER_REQUEST_MAX);
    }

    static int silentDays(String text) {
        if (text == null || text.isBlank()) return DEFAULT_SILENT_DAYS;
        try {
            int d = Integer.parseInt(text.trim());
            if (d < 0 || d > 3650) throw new NumberFormatException();
            return d;
        } catch (NumberFormatException e) {
            throw Refusal.invalid("invalid_silent_days", "silentDays must be a whole number of days (0 to 3650).");
        }
    }

    private static String daysText(Duration d) {
        long hours = d.toHours();
        if (hours < 24) return "0";
        return String.valueOf(hours / 24);
    }
}
