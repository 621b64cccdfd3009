package org.sunbid.platform.procurement.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiPredicate;

import org.junit.jupiter.api.Test;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.procurement.FrameworkError;

/**
 * An agreement's buyers (适用范围, 财政部令第110号 ⚠ article from memory): named budget units or a region's, with the
 * agreement's own region when none is named; a purchaser outside is refused. Plain Java.
 */
class BuyerScopeTest {

    static final UUID WATER = UUID.randomUUID();
    static final UUID INVESTMENT = UUID.randomUUID();
    static final UUID SCHOOL = UUID.randomUUID();
    static final UUID SUPPLIER = UUID.randomUUID();
    static final Set<UUID> BUDGET_UNITS = Set.of(WATER, INVESTMENT, SCHOOL);
    static final Set<String> REGIONS = Set.of("990000", "990100", "990121", "990122");
    /** 990121 and 990122 are counties of the city 990100, itself in the province 990000. */
    static final BiPredicate<String, String> WITHIN = (code, ancestor) -> code.equals(ancestor)
            || ancestor.equals("990000") || ancestor.equals("990100") && code.startsWith("9901");

    private static BuyerScope scope(List<UUID> organisations, List<String> regions) {
        return BuyerScope.of(organisations, regions, "990100", BUDGET_UNITS::contains, REGIONS::contains);
    }

    @Test
    void order110_theNamedBuyersMayOrder_noOtherBudgetUnit() {
        BuyerScope named = scope(List.of(WATER, INVESTMENT), null);
        assertThat(named.regions()).isEmpty();
        assertThat(named.admits(WATER, "990121", WITHIN)).isTrue();
        assertThat(named.admits(INVESTMENT, "990100", WITHIN)).isTrue();
        assertThat(named.admits(SCHOOL, "990121", WITHIN)).isFalse(); // same county, not named
        assertThatThrownBy(() -> named.require(SCHOOL, "990121", WITHIN, "青山县水利局、云州市城投"))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(FrameworkError.GPL110_BUYER_OUT_OF_SCOPE);
                    assertThat(e.errorCode().httpStatus()).isEqualTo(422);
                });
    }

    @Test
    void order110_aRegionCoversItsBudgetUnitsAndThoseOfTheRegionsInsideIt() {
        BuyerScope county = scope(null, List.of("990121"));
        assertThat(county.admits(SCHOOL, "990121", WITHIN)).isTrue();
        assertThat(county.admits(SCHOOL, "990122", WITHIN)).isFalse();
        BuyerScope city = scope(null, List.of("990100"));
        assertThat(city.admits(SCHOOL, "990122", WITHIN)).isTrue();
        assertThat(city.admits(SCHOOL, null, WITHIN)).isFalse();
        BuyerScope both = scope(List.of(WATER), List.of("990122"));
        assertThat(both.admits(WATER, "990121", WITHIN)).isTrue();
        assertThat(both.admits(SCHOOL, "990122", WITHIN)).isTrue();
    }

    @Test
    void withNobodyNamed_theAgreementCoversItsOwnRegion() {
        BuyerScope none = scope(List.of(), List.of());
        assertThat(none.organisations()).isEmpty();
        assertThat(none.regions()).containsExactly("990100");
        assertThat(scope(null, null).regions()).containsExactly("990100");
    }

    @Test
    void onlyBudgetUnitsAndKnownRegionsMayBeNamed_duplicatesCountOnce() {
        assertThatThrownBy(() -> scope(List.of(SUPPLIER), null))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.errorCode()).isEqualTo(FrameworkError.FRAMEWORK_INVALID));
        assertThatThrownBy(() -> scope(null, List.of("123456")))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.errorCode()).isEqualTo(FrameworkError.FRAMEWORK_INVALID));
        assertThatThrownBy(() -> scope(null, java.util.Arrays.asList(" ")))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.errorCode()).isEqualTo(FrameworkError.FRAMEWORK_INVALID));
        assertThat(scope(List.of(WATER, WATER), List.of(" 990121 ", "990121")))
                .satisfies(s -> {
                    assertThat(s.organisations()).containsExactly(WATER);
                    assertThat(s.regions()).containsExactly("990121");
                });
    }
}
