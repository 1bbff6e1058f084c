/**
 * Accounts over HTTP: signing up, in and out (browser sessions), the caller, personal API tokens.
 */
package dev.forgeflow.gateway.accounts;
