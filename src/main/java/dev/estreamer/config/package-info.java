/**
 * The configuration file: key declarations, loader and the immutable records it produces.
 *
 * <p>Every key is declared once in {@link dev.estreamer.config.Keys} (path, type, JSON default,
 * origin, one-sentence doc). {@link dev.estreamer.config.ConfigLoader} reads eNcore's JSON
 * {@code estreamer.conf} unchanged plus estreamer's own keys, checks every key against the
 * declarations (unknown keys are errors; keys ending in {@code @comment} are comments), resolves
 * relative paths against the file's directory, and either returns an
 * {@link dev.estreamer.config.EstreamerConfig} or throws one
 * {@link dev.estreamer.config.ConfigException} listing all problems, each naming its key path.
 * eNcore keys that have no effect here are accepted and reported as notes for the caller to log.
 * {@link dev.estreamer.config.ConfigReference} renders docs/configuration.md from the same declarations.
 *
 * <p>Validation happens once, at start-up; nothing downstream re-checks these values. This package
 * depends only on the root package and Jackson.
 */
package dev.estreamer.config;
