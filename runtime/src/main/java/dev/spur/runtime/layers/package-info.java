/**
 * Built-in {@link dev.spur.runtime.Layer}s: {@link dev.spur.runtime.layers.RequestId},
 * {@link dev.spur.runtime.layers.Deadline}, {@link dev.spur.runtime.layers.BearerAuth} and
 * {@link dev.spur.runtime.layers.AccessLog}. Each is thread-safe and may be added to a server with
 * {@link dev.spur.runtime.SpurServer.Builder#layer(dev.spur.runtime.Layer)} or, where it has a
 * public no-argument constructor, declared with {@code @Layer}.
 *
 * <p>A typical order, outermost first: {@code RequestId} (so every answer and log line carries the
 * id), {@code AccessLog} (so it logs the status the client gets), {@code Deadline}, then
 * {@code BearerAuth}.
 */
package dev.spur.runtime.layers;
