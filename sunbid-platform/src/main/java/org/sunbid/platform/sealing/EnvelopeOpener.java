package org.sunbid.platform.sealing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.sunbid.crypto.CanonicalJson;
import org.sunbid.crypto.Sm2;
import org.sunbid.crypto.Sm3;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.kernel.FileStore;
import org.sunbid.sealing.Envelope;
import org.sunbid.sealing.EnvelopeDefect;
import org.sunbid.sealing.EnvelopeException;
import org.sunbid.sealing.OpeningKeys;
import org.sunbid.sealing.Shamir;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every opening of sealed envelopes does, whichever key they were sealed to (a tender's bid opening key, an offer
 * round's key): a custodian's released share checked against the key it belongs to, the private key rebuilt in memory
 * only from the released shares (checked against the public key; a bad share is outvoted by trying subsets), and one
 * envelope opened into the record's entry (OPENED with its price sheet, or REJECTED with the defect — a zip bomb named
 * and stopped). Used by {@link BidOpenings} and {@link OfferRounds}, so both open the same way.
 */
@Component
class EnvelopeOpener {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    /** A key rebuilt from the released shares, and which shares made it. */
    record Rebuilt(PrivateKey key, List<Integer> sharesUsed) {
    }

    private final FileStore files;
    private final JsonMapper json;
    private final Envelope.Limits limits;
    private final OpeningThreads threads;

    EnvelopeOpener(FileStore files, JsonMapper json, OpeningThreads threads, @Value("${sunbid.sealing.max-opened-size:4294967296}") long maxBytes,
            @Value("${sunbid.sealing.max-opened-ratio:100}") long maxRatio,
            @Value("${sunbid.sealing.max-opened-files:10000}") int maxFiles) {
        this.files = files;
        this.json = json;
        this.threads = threads;
        this.limits = new Envelope.Limits(maxBytes, maxRatio, maxFiles); // a zip bomb is rejected, named, and stops there
    }

    /**
     * The share a custodian released, checked to be its share {@code index} of key {@code keySm3} for
     * {@code tenderId} (and offer round {@code round}, null for the bid opening key); {@code SHARE_INVALID} otherwise.
     */
    Shamir.Share parseShare(String shareJson, UUID tenderId, Integer round, String keySm3, int index, int threshold) {
        try {
            Map<String, Object> m = json.readValue(shareJson, MAP);
            byte[] value = Base64.getDecoder().decode((String) m.get("value"));
            if (!tenderId.toString().equals(m.get("tenderId")) || !keySm3.equals(m.get("keySm3"))
                    || !Integer.valueOf(index).equals(m.get("index")) || !Integer.valueOf(threshold).equals(m.get("threshold"))
                    || !java.util.Objects.equals(round, m.get("round"))
                    || value.length != OpeningKeys.SCALAR_LENGTH) {
                throw new DomainException(SealingError.SHARE_INVALID);
            }
            return new Shamir.Share(index, threshold, value);
        } catch (RuntimeException e) {
            if (e instanceof DomainException d) {
                throw d;
            }
            throw new DomainException(SealingError.SHARE_INVALID);
        }
    }

    /** The private key of {@code publicKey} rebuilt from {@code shareJsons}, if some {@code threshold} of them make it. */
    Optional<Rebuilt> rebuild(PublicKey publicKey, String keySm3, List<String> shareJsons, int threshold) {
        List<Shamir.Share> shares = new ArrayList<>();
        for (String s : shareJsons) {
            Map<String, Object> m = json.readValue(s, MAP);
            shares.add(new Shamir.Share((Integer) m.get("index"), threshold, Base64.getDecoder().decode((String) m.get("value"))));
        }
        for (List<Shamir.Share> subset : subsets(shares, threshold)) { // a wrong share is found by trying the others
            byte[] scalar = Shamir.combine(subset);
            PrivateKey candidate = OpeningKeys.privateKey(scalar);
            Arrays.fill(scalar, (byte) 0);
            byte[] probe = Sm3.hash(keySm3.getBytes(StandardCharsets.US_ASCII));
            if (Sm2.verify(publicKey, probe, Sm2.sign(candidate, probe))) {
                return Optional.of(new Rebuilt(candidate, subset.stream().map(Shamir.Share::index).toList()));
            }
        }
        return Optional.empty();
    }

    /**
     * Opens the stored envelope {@code envelopeSm3} with {@code key} into {@code target}; puts into {@code entry} its
     * status (OPENED with {@code priceSheet} and {@code files}, or REJECTED with {@code defect} and {@code reason}) and
     * returns the opened envelope's price sheet (empty when rejected).
     */
    Optional<Map<String, Object>> open(String envelopeSm3, PrivateKey key, Path target, Map<String, Object> entry) {
        return open(envelopeSm3, key, target, entry, null);
    }

    /**
     * As {@link #open(String, PrivateKey, Path, Map)}, handing an opened envelope's sealed preparation metadata (machine
     * fingerprint hashes, tool) to {@code metadata} when not null; the metadata never goes into the public record.
     */
    Optional<Map<String, Object>> open(String envelopeSm3, PrivateKey key, Path target, Map<String, Object> entry,
            java.util.function.Consumer<Map<String, Object>> metadata) {
        try {
            Path file = files.find(envelopeSm3).orElseThrow(() -> new EnvelopeException(EnvelopeDefect.MALFORMED,
                    "the stored envelope is missing"));
            Envelope.Opened opened = Envelope.open(file, key, target, limits);
            Map<String, Object> sheet = json.readValue(opened.priceSheet(), MAP);
            try {
                CanonicalJson.write(sheet); // the record is canonical JSON: amounts are strings, numbers integers
            } catch (IllegalArgumentException notCanonical) {
                throw new EnvelopeException(EnvelopeDefect.UNACCEPTABLE_CONTENT,
                        "the price sheet holds a number that is not an integer (amounts are written as decimal strings)");
            }
            entry.put("status", "OPENED");
            entry.put("priceSheet", sheet);
            entry.put("files", opened.files().size());
            if (metadata != null) {
                metadata.accept(opened.metadata());
            }
            return Optional.of(sheet);
        } catch (EnvelopeException ex) {
            entry.put("status", "REJECTED");
            entry.put("defect", ex.defect().name());
            entry.put("reason", ex.getMessage());
            deleteQuietly(target);
        } catch (RuntimeException ex) {
            entry.put("status", "REJECTED");
            entry.put("defect", "UNREADABLE");
            entry.put("reason", ex.getMessage());
            deleteQuietly(target);
        }
        return Optional.empty();
    }

    /**
     * One envelope of an opening: stored as {@code envelopeSm3}, unpacked under {@code target}, its record entry
     * {@code entry} filled in, its sealed metadata handed to {@code metadata} (null: not wanted).
     */
    record Job(String envelopeSm3, Path target, Map<String, Object> entry,
            java.util.function.Consumer<Map<String, Object>> metadata) {
    }

    /**
     * Opens every job's envelope as {@link #open(String, PrivateKey, Path, Map, java.util.function.Consumer)} does, on the
     * envelope pool ({@link OpeningThreads}: min(cores, jobs) threads, the caller one of them), each envelope streamed as
     * one alone is. Each job fills its own entry, and the price sheets come back in the jobs' order: a record built from
     * the entries is the one the envelopes opened one after another would give. {@code progress} hears the number of
     * envelopes done after each (from any of the threads).
     */
    List<Optional<Map<String, Object>>> openAll(List<Job> jobs, PrivateKey key, java.util.function.IntConsumer progress) {
        @SuppressWarnings("unchecked")
        Optional<Map<String, Object>>[] sheets = new Optional[jobs.size()];
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        org.sunbid.sealing.ParallelOpening.forEach(threads.envelopes(), threads.threads(), jobs.size(), i -> {
            Job job = jobs.get(i);
            sheets[i] = open(job.envelopeSm3(), key, job.target(), job.entry(), job.metadata());
            progress.accept(done.incrementAndGet());
        });
        return Arrays.asList(sheets);
    }

    private static List<List<Shamir.Share>> subsets(List<Shamir.Share> shares, int k) {
        List<List<Shamir.Share>> out = new ArrayList<>();
        int n = shares.size();
        for (int mask = 0; mask < (1 << n); mask++) {
            if (Integer.bitCount(mask) == k) {
                List<Shamir.Share> s = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    if ((mask & (1 << i)) != 0) {
                        s.add(shares.get(i));
                    }
                }
                out.add(s);
            }
        }
        return out;
    }

    static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
