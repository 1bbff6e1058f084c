/** The one rule for generated file paths: normalised, limited and confined to the project root. */
package dev.forgeflow.store.paths;
