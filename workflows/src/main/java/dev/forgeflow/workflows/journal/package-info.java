/** How workflow code journals events and run status: through activities, never directly. */
package dev.forgeflow.workflows.journal;
