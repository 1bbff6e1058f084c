/** Users' projects, each holding its runs. */
package dev.forgeflow.store.projects;
