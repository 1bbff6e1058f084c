/** Deterministic validators of a generated project: paths, file plan, imports, routers, tables. */
package dev.forgeflow.agents.validate;
