package org.sunbid.platform.sealing;

import java.net.InetAddress;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.sunbid.platform.kernel.KeyVault;
import org.sunbid.platform.kernel.SunbidProperties;

/**
 * Sealing's evidence key (data/keys/sealing-evidence.key, never in the database): the keyed SM3 under which the facts
 * of 招标投标法实施条例 Art. 40 that sealing learns (machine fingerprints, upload addresses, declared project managers,
 * opened files and lines) are stored. Keyed per tender rather than salted: a salt would sit in the database beside the
 * hash, and a MAC address (2^24 per vendor prefix) or an IPv4 address (2^32) is found from a salted hash by trying
 * them all; without the key file nothing can be tried. The tender in the input makes equal values compare equal within
 * one tender only, so the hashes do not link a bidder's machine across tenders either.
 */
@Component
class EvidenceVault extends KeyVault {

    /** What an upload from the platform's own host is stored as: no bidder's address, nothing to compare. */
    static final String LOCAL = "local";

    /** The prefix of a hashed upload address (older rows hold the address as it was). */
    static final String HASHED = "k:";

    EvidenceVault(SunbidProperties properties) {
        super(properties.dataDir().resolve("keys").resolve("sealing-evidence.key"), "sealing evidence");
    }

    /** The keyed hash of {@code value}, a fact of kind {@code kind} about a bid on {@code tenderId}. */
    String hash(UUID tenderId, BidEvidence.Kind kind, String value) {
        return index(tenderId + "|" + kind.name() + "|" + value);
    }

    /**
     * How an upload's source address is stored: {@code k:} and 40 hex digits of its keyed hash (160 bits, in the
     * column's 45 characters), or {@link #LOCAL} for the platform's own host (a proxy that names no client, the demo).
     */
    String uploadAddress(UUID tenderId, String ip) {
        if (ip == null || ip.isBlank()) {
            return LOCAL;
        }
        String address = ip.strip();
        try {
            if (address.matches("[0-9a-fA-F:.]+") && InetAddress.getByName(address).isLoopbackAddress()) {
                return LOCAL;
            }
        } catch (java.net.UnknownHostException e) {
            // not an address literal: hashed as given
        }
        return HASHED + hash(tenderId, BidEvidence.Kind.UPLOAD_IP, address.toLowerCase(java.util.Locale.ROOT)).substring(0, 40);
    }
}
