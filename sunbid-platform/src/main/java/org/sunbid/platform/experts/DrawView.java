package org.sunbid.platform.experts;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A draw as its tender's owners, the region's staff and supervisors see it. Before the experts sign in it holds only
 * counts and confirmation states: never who was drawn.
 *
 * @param specialties    per requested specialty: how many are wanted and where the notices stand
 * @param members        the committee members who have signed in (names revealed by signing in), in contact order
 * @param poolSizes      eligible experts per specialty, once drawn
 * @param avoidedCounts  how many were avoided under each rule, once drawn
 */
public record DrawView(UUID id, UUID tenderId, String projectCode, String tenderName, DrawStatus status,
        Instant evaluationStart, String evaluationVenue, Instant drawAt, int representatives,
        List<SpecialtyProgress> specialties, List<String> poolRegions, int manualAvoidanceCount, String shortfall,
        String secretHash, Long commitmentSeq, String poolHash, Long poolSeq, Long headSize, String headRoot,
        Map<String, Integer> poolSizes, Map<String, Integer> avoidedCounts, List<Member> members, Long publishedSeq) {

    /** One requested specialty's progress. */
    public record SpecialtyProgress(String code, String name, int count, int accepted, int pending, int declined,
            int noAnswer) {
    }

    /** A committee member who has signed in with their certificate. */
    public record Member(String specialty, UUID expertId, String name, String employer, Instant signedInAt) {
    }
}
