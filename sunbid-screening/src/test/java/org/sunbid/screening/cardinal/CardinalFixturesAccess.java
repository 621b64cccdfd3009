package org.sunbid.screening.cardinal;

/** Lets tests outside this package derive a fixture's settings. */
public final class CardinalFixturesAccess {

    private CardinalFixturesAccess() {
    }

    public static String settings(String name) {
        return CardinalFixtures.settings(name);
    }
}
