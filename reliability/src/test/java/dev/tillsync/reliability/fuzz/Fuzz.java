package dev.tillsync.reliability.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tillsync.reliability.check.ServerLedger;
import dev.tillsync.reliability.support.Api;
import dev.tillsync.reliability.support.SharedEnv;
import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * What every fuzz property shares: the case budget, the answer rules, the /health prober and the per-property tally.
 *
 * <p>The budget is {@code -Dfuzz.tries} cases in total (default 10,000, the CI size), split across the five properties
 * by their {@link Share}; {@code -Dfuzz.tries=1000000} is the long mode. jqwik's {@code @Property(tries=)} is a
 * compile-time constant, so {@link Tries} sets the count at run time instead ({@code -Dfuzz.seed} replays a seed).
 */
final class Fuzz {
    static final int TOTAL = Integer.getInteger("fuzz.tries", 10_000);

    private Fuzz() {}

    /** The fraction of {@link #TOTAL} a property runs. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @interface Share {
        double value();
    }

    /** Sets the property's tries to its {@link Share} of {@code fuzz.tries}. */
    public static final class Tries implements AroundPropertyHook {
        @Override
        public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
            double share = context.findAnnotation(Share.class).map(Share::value)
                    .orElseThrow(() -> new IllegalStateException(context.label() + " has no @Share"));
            context.attributes().setTries(Math.max(1, (int) Math.round(TOTAL * share)));
            // -Dfuzz.seed replays a run: the seed each property's report printed
            String seed = System.getProperty("fuzz.seed");
            if (seed != null && !seed.isBlank()) context.attributes().setSeed(seed.trim());
            return property.execute();
        }

        @Override
        public net.jqwik.api.lifecycle.PropagationMode propagateTo() {
            // registered on the test class, it must reach the class's properties
            return net.jqwik.api.lifecycle.PropagationMode.ALL_DESCENDANTS;
        }

        @Override
        public int aroundPropertyProximity() {
            // outermost, so the tries are set before jqwik reads the attributes
            return -100;
        }
    }

    static Api anon() {
        return new Api(SharedEnv.server().baseUrl());
    }

    static ServerLedger db() {
        return SharedEnv.ledger();
    }

    // ---------------------------------------------------------------- /health throughout

    /**
     * GETs /health every 100 ms on its own thread for the whole run, so a request that wedges the server (a
     * stuck pool, a dead Jetty thread) shows even when the fuzzing thread's own next request would still pass.
     */
    static final class HealthProbe {
        private static HealthProbe instance;
        final AtomicLong probes = new AtomicLong();
        final AtomicLong failures = new AtomicLong();
        volatile String lastFailure;

        static synchronized HealthProbe start() {
            if (instance == null) {
                HealthProbe p = new HealthProbe();
                Api api = anon();
                ScheduledExecutorService ex = Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "fuzz-health-probe");
                    t.setDaemon(true);
                    return t;
                });
                ex.scheduleWithFixedDelay(() -> {
                    try {
                        Api.Response r = api.get("/health");
                        p.probes.incrementAndGet();
                        if (r.status() != 200) {
                            p.failures.incrementAndGet();
                            p.lastFailure = r.toString();
                        }
                    } catch (RuntimeException e) {
                        p.probes.incrementAndGet();
                        p.failures.incrementAndGet();
                        p.lastFailure = e.toString();
                    }
                }, 0, 100, TimeUnit.MILLISECONDS);
                instance = p;
            }
            return instance;
        }
    }

    // ---------------------------------------------------------------- the tally and the answer rules

    /** Answers of one property, by status; printed as the summary line docs/reliability.md quotes. */
    static final class Tally {
        private final String name;
        private final Map<Integer, Long> byStatus = new TreeMap<>();
        private final HealthProbe health = HealthProbe.start();
        private final long probesAtStart = health.probes.get();
        private final long failuresAtStart = health.failures.get();
        private final long startedNanos = System.nanoTime();
        private final Map<String, Long> rowOutcomes = new TreeMap<>();
        private long cases;
        private long deliberate503;

        Tally(String name) {
            this.name = name;
        }

        private long resent;
        private String lastCase = "none";
        private int lastStatus;
        private final java.util.List<String> resends = new java.util.ArrayList<>();

        /**
         * Sends one case and checks its answer. A pooled connection closed between two answers fails the next request
         * before the server sees it ("HTTP/1.1 header parser received no bytes", once in an early 60,000-case run); a till
         * treats that as the line dropping and resends, and so does this, once, noting the case before it so the cause can
         * be found. A second failure fails the property, and the /health probe shows a server that stopped answering.
         */
        Api.Response send(String what, java.util.function.Supplier<Api.Response> call) {
            Api.Response r;
            try {
                r = call.get();
            } catch (IllegalStateException e) {
                if (!(e.getCause() instanceof java.io.IOException)) throw e;
                synchronized (this) {
                    resent++;
                    if (resends.size() < 5) resends.add(e.getCause().getMessage() + " after [" + lastStatus + "] " + abbreviate(lastCase));
                }
                r = call.get();
            }
            synchronized (this) {
                lastCase = what;
                lastStatus = r.status();
            }
            return check(what, r);
        }

        private static String abbreviate(String s) {
            return s.length() > 400 ? s.substring(0, 400) + "…" : s;
        }

        /**
         * Checks one answer against the rules every endpoint keeps and counts it: never a 5xx but a deliberate 503 that
         * says when to retry; any refusal is JSON {error, message} a till or a person can act on.
         */
        synchronized Api.Response check(String what, Api.Response r) {
            cases++;
            byStatus.merge(r.status(), 1L, Long::sum);
            boolean deliberate = r.status() == 503 && r.header("Retry-After").isPresent();
            if (deliberate) deliberate503++;
            else assertThat(r.status()).as("%s: a 5xx is a server bug -> %s", what, r).isLessThan(500);
            if (r.status() >= 300) {
                assertThat(r.contentType()).as("%s -> %s", what, r).startsWith("application/json");
                JsonNode b = r.body();
                assertThat(b != null && b.isObject()).as("%s: the refusal is a JSON object -> %s", what, r).isTrue();
                assertThat(b.path("error").isTextual() && !b.path("error").asText().isBlank()).as("%s: error code -> %s", what, r).isTrue();
                assertThat(b.path("message").isTextual() && !b.path("message").asText().isBlank()).as("%s: message -> %s", what, r).isTrue();
            }
            return r;
        }

        /** Counts the per-row outcomes of an answered push or import, to show how deep the cases got (past the parser). */
        synchronized void rows(JsonNode results) {
            for (JsonNode x : results) rowOutcomes.merge(x.path("outcome").asText("?") + (x.hasNonNull("code") ? " " + x.get("code").asText() : ""), 1L, Long::sum);
        }

        /** After the property: nothing half-written, /health answered 200 throughout and answers now; prints the summary. */
        void finish() {
            Map<String, Long> half = db().halfWritten();
            Api.Response health = anon().get("/health");
            long probes = this.health.probes.get() - probesAtStart;
            long failed = this.health.failures.get() - failuresAtStart;
            String line = String.format("fuzz %s: %d cases in %.1f s; answers %s;%s deliberate 503s: %d; half-written: %d; /health: %d probes, %d not 200, now %d",
                    name, cases, (System.nanoTime() - startedNanos) / 1e9, byStatus,
                    (rowOutcomes.isEmpty() ? "" : " rows " + rowOutcomes + ";") + (resent == 0 ? "" : " resent after a closed connection: " + resent + ";"),
                    deliberate503,
                    half.values().stream().mapToLong(Long::longValue).sum(), probes, failed, health.status());
            System.out.println(line);
            resends.forEach(x -> System.out.println("  resent: " + x));
            try {
                Files.writeString(Path.of("target", "fuzz-summary.txt"), line + System.lineSeparator(), StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                System.out.println("could not append the summary to target/fuzz-summary.txt: " + e);
            }
            assertThat(half).as("%s: half-written traces", name).isEmpty();
            assertThat(failed).as("%s: /health probes not 200 (last: %s)", name, this.health.lastFailure).isZero();
            assertThat(health.status()).as("%s: /health after the run", name).isEqualTo(200);
        }
    }

    private static final String STATUS_ROWS = "select count(*) from pos_offline_sync_status s join pos_offline d on d.id = s.device_id where d.pos_id = ?";
    private static final String ACCEPTED_WITHOUT_INVOICE = """
            select count(*) from pos_offline_sync_status s join pos_offline d on d.id = s.device_id where d.pos_id = ?
            and s.kind = 'invoice' and s.outcome = 'accepted' and not exists (select 1 from sales_invoice i where i.sync_uuid = s.uuid)""";
    private static final String INVOICES = "select count(*) from sales_invoice i join pos_offline d on d.id = i.device_id where d.pos_id = ?";

    /** The device's rows in the sync status ledger (one per row it ever sent, whatever the outcome). */
    static long statusRows(String posId) {
        return db().number(STATUS_ROWS, posId);
    }

    /** The device's invoices on the server. */
    static long invoices(String posId) {
        return db().number(INVOICES, posId);
    }

    /** The half-write a fuzz case must never leave: invoice rows answered accepted whose invoice is not there. */
    static long acceptedWithoutInvoice(String posId) {
        return db().number(ACCEPTED_WITHOUT_INVOICE, posId);
    }
}
