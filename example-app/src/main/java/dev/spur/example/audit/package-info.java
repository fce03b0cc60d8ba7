/**
 * The audit service: a private service that keeps what happened to each bookmark. Only the
 * application's own services reach it, through {@code AuditBinding}: in process when both run in
 * one process, over HTTP on the internal listener when they run apart.
 */
@Service(name = "audit", visibility = Service.Visibility.PRIVATE)
package dev.spur.example.audit;

import dev.spur.Service;
