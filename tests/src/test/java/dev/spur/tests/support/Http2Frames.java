package dev.spur.tests.support;

import java.util.ArrayList;
import java.util.List;

/**
 * The frames of an HTTP/2 byte stream as a server sent it (RFC 9113 4.1): enough to tell that a
 * connection was answered in HTTP/2 and how it ended, without an HTTP/2 client.
 */
public final class Http2Frames {

    /** Frame type of GOAWAY (RFC 9113 6.8). */
    public static final int GOAWAY = 0x7;

    /** Frame type of SETTINGS (RFC 9113 6.5). */
    public static final int SETTINGS = 0x4;

    private Http2Frames() {
    }

    /** One frame: its type and payload. */
    public record Frame(int type, byte[] payload) {

        /** The error code of a GOAWAY frame (RFC 9113 7): 0x1 protocol error, 0x6 frame size error. */
        public long goAwayError() {
            if (type != GOAWAY || payload.length < 8) {
                throw new IllegalStateException("not a GOAWAY frame");
            }
            return ((payload[4] & 0xFFL) << 24) | ((payload[5] & 0xFFL) << 16) | ((payload[6] & 0xFFL) << 8)
                    | (payload[7] & 0xFFL);
        }
    }

    /**
     * Splits {@code bytes} into frames; fails when they are not a whole sequence of HTTP/2 frames
     * (an HTTP/1.1 status line, for one, is not).
     */
    public static List<Frame> parse(byte[] bytes) {
        List<Frame> frames = new ArrayList<>();
        int at = 0;
        while (at < bytes.length) {
            if (bytes.length - at < 9) {
                throw new IllegalArgumentException("a partial frame header at byte " + at);
            }
            int length = ((bytes[at] & 0xFF) << 16) | ((bytes[at + 1] & 0xFF) << 8) | (bytes[at + 2] & 0xFF);
            int type = bytes[at + 3] & 0xFF;
            if (at + 9 + length > bytes.length) {
                throw new IllegalArgumentException("a frame of " + length + " bytes at byte " + at
                        + " runs past the " + bytes.length + " bytes received");
            }
            byte[] payload = new byte[length];
            System.arraycopy(bytes, at + 9, payload, 0, length);
            frames.add(new Frame(type, payload));
            at += 9 + length;
        }
        return frames;
    }
}
