package dev.tillsync.server.http;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.tillsync.core.json.Json;
import dev.tillsync.server.Limits;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;

/** Reads request bodies with a size limit and strict JSON; every failure is a 4xx with a clear code. */
public final class Bodies {
    private static final long KIB = 1024, MIB = 1024 * KIB;

    private final ObjectMapper json = Json.mapper();

    public byte[] bytes(Context ctx, long limit) {
        long declared = ctx.contentLength();
        try (InputStream in = ctx.req().getInputStream()) {
            if (declared > limit) {
                discardRest(in);
                throw tooLarge(limit);
            }
            byte[] b = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (b.length > limit) {
                discardRest(in);
                throw tooLarge(limit);
            }
            return b;
        } catch (IOException e) {
            throw ApiException.badRequest("unreadable_body", "The request body could not be read: " + e.getMessage());
        }
    }

    public <T> T json(Context ctx, Class<T> type, long limit) {
        byte[] b = bytes(ctx, limit);
        if (b.length == 0) {
            throw ApiException.badRequest("invalid_request", "The request needs a JSON body.");
        }
        try {
            T v = json.readValue(b, type);
            if (v == null) throw ApiException.badRequest("invalid_request", "The request body is null; send a JSON object.");
            return v;
        } catch (UnrecognizedPropertyException e) {
            throw ApiException.badRequest("unknown_field", "Unknown field '" + e.getPropertyName() + "'" + where(e) + ".");
        } catch (InvalidFormatException e) {
            throw ApiException.badRequest("invalid_request", "Wrong value " + e.getValue() + where(e) + ": " + firstLine(e.getOriginalMessage()));
        } catch (MismatchedInputException e) {
            throw ApiException.badRequest("invalid_request", "Wrong type" + where(e) + ": " + firstLine(e.getOriginalMessage()));
        } catch (JsonParseException | StreamConstraintsException e) {
            throw ApiException.badRequest("malformed_json", "The body is not valid JSON: " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw ApiException.badRequest("invalid_request", "The body could not be read as " + type.getSimpleName() + ": " + firstLine(e.getMessage()));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid_request", firstLine(e.getMessage()));
        }
    }

    private static String where(MismatchedInputException e) {
        StringBuilder sb = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getFieldName() != null) sb.append(sb.isEmpty() ? "" : ".").append(ref.getFieldName());
            else if (ref.getIndex() >= 0) sb.append('[').append(ref.getIndex()).append(']');
        }
        return sb.isEmpty() ? "" : " at " + sb;
    }

    private static String firstLine(String m) {
        if (m == null) return "";
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    /**
     * Reads and drops what is left of a refused body (at most the transport's own cap), so that a client still sending
     * gets the 413 and its message: Jetty 12 closes a connection whose input was not read, and the reset that follows
     * can destroy the answer on its way ("header parser received no bytes" at the client).
     */
    private static void discardRest(InputStream in) {
        byte[] buf = new byte[64 * 1024];
        long left = Limits.IMPORT_FILE_BYTES;
        try {
            for (int n; left > 0 && (n = in.read(buf, 0, (int) Math.min(buf.length, left))) > 0; ) left -= n;
        } catch (IOException e) {
            // the client went away: there is no one left to answer
        }
    }

    private static ApiException tooLarge(long limit) {
        return new ApiException(413, "body_too_large", "The request body is larger than " + (limit >= MIB ? Limits.mib(limit) : (limit / KIB) + " KiB") + ".");
    }
}
