package org.sunbid.platform.catalog;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The working-day calendar as maintained in the database; rules that count working days ask it. */
@Service
public class Calendars {

    private final JdbcClient jdbc;

    Calendars(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The calendar as it stands now (read fresh, so an administrator's additions apply at once). */
    public WorkingDays workingDays() {
        Map<LocalDate, WorkingDays.DayKind> exceptions = new HashMap<>();
        jdbc.sql("SELECT day, kind FROM calendar_day").query((rs, i) -> exceptions.put(rs.getObject("day", LocalDate.class),
                WorkingDays.DayKind.valueOf(rs.getString("kind")))).list();
        return new WorkingDays(exceptions);
    }
}
