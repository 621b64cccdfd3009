/**
 * OCP Cardinal's red-flag indicators (R003, R018, R024, R025, R028, R030, R035, R036, R038, R048, R058) over OCDS
 * compiled releases, with Cardinal's settings file and output (open-contracting/cardinal-rs v0.0.8 behaviour,
 * reimplemented).
 *
 * <h2>API (for the CLI, the Spark module and faster readers)</h2>
 * <ol>
 *   <li>{@link org.sunbid.screening.cardinal.Settings#read Settings.read(path)} /
 *       {@link org.sunbid.screening.cardinal.Settings#parse Settings.parse(ini)}: Cardinal's INI; a bad file is a
 *       {@link org.sunbid.screening.cardinal.SettingsException}.</li>
 *   <li>{@code new} {@link org.sunbid.screening.cardinal.Engine Engine(settings)}: immutable, serializable.</li>
 *   <li>A {@link org.sunbid.screening.cardinal.ProcessReader} per thread/partition (the reference is
 *       {@link org.sunbid.screening.cardinal.JacksonProcessReader}, Jackson streaming, no tree) turns each line's
 *       bytes into a compact {@link org.sunbid.screening.cardinal.Process} (only the fields the indicators read), with
 *       {@code seq} = the line's position (byte offset) in the input. Blank and non-object lines give {@code null};
 *       invalid JSON throws {@link org.sunbid.screening.cardinal.MalformedLineException}.</li>
 *   <li>{@link org.sunbid.screening.cardinal.Engine#newFold engine.newFold()} per thread/partition;
 *       {@link org.sunbid.screening.cardinal.Fold#add fold.add(process)} for each line (the process is not kept);
 *       {@link org.sunbid.screening.cardinal.Fold#merge fold.merge(other)} in any order (commutative and
 *       associative: keys are ordered by {@code seq}, not by merge order); folds are serializable.</li>
 *   <li>{@link org.sunbid.screening.cardinal.Engine#finish engine.finish(mergedFold)} gives the
 *       {@link org.sunbid.screening.cardinal.Output}: {@link org.sunbid.screening.cardinal.Output#toJson toJson(meta)}
 *       is Cardinal's JSON ({@code toJson(false)} = {@code --no-meta}); {@code results()}, {@code meta()},
 *       {@code warnings()} for programs.</li>
 * </ol>
 * <p>{@code seq} only orders the output (keys in the order a sequential run first finds them) and decides which of two
 * lines with the same ocid wins; it must be unique and increase in input order. The CLI uses the byte offset of the
 * line, which is also the key Hadoop's {@code TextInputFormat} gives each line, so Spark can pass that key and print
 * the CLI's text. Import {@code org.sunbid.screening.cardinal.Process} explicitly: it shadows
 * {@code java.lang.Process}.
 * The CLI takes its reader from {@link org.sunbid.screening.cardinal.ProcessReader#factory()} (system property
 * {@code sunbid.screening.reader} names another implementation).
 *
 * <p>{@link org.sunbid.screening.cardinal.LineFolder} does steps 3 and 4 over a file on all cores (chunks of 8 MiB, a
 * line belongs to the chunk where it starts, one reader and fold per thread). Each indicator is an
 * {@link org.sunbid.screening.cardinal.Accumulator} (fold, merge, finish); R024 and R058 share the second-lowest-bid
 * ratios; R024, R058 and R036 compare amounts in the configured currency, else the first met in the input (kept per
 * currency until the end, so that parts can be folded independently).
 *
 * <h2>Differences from Cardinal</h2>
 * Cardinal orders the keys of a group by its hash maps (its own tests compare JSON values, not text); here they come in
 * the order a sequential run first finds them, indicators in {@link org.sunbid.screening.cardinal.Indicator} order,
 * {@code Meta} indicators likewise. An invalid JSON line is an error (with its line number) unless the CLI gets
 * {@code --skip-invalid}, which warns and skips as Cardinal does. Currency mismatches are summarised in one warning per
 * indicator instead of one per bid. {@code --map} is not supported.
 */
package org.sunbid.screening.cardinal;
