/**
 * Users and how they prove who they are: passwords (slow-KDF hashes), personal API tokens and
 * browser sessions (kept as SHA-256 digests), and the local-mode account of the one-command CLI.
 */
package dev.forgeflow.store.accounts;
