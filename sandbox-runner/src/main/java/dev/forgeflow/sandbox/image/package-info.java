/** Project images: a code bundle layered on the sandbox base image, code owned by root. */
package dev.forgeflow.sandbox.image;
