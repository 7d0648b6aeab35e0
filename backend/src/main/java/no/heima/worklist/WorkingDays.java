package no.heima.worklist;

import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.DayOfWeek;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/**
 * Monday to Friday, less Norway's public holidays (Jollyday's calendar: New Year, Maundy
 * Thursday to Easter Monday, 1 and 17 May, Ascension, Whit Monday, 25 and 26 December).
 * The calendar is loaded once; a lookup is a set membership check.
 */
@Component
class WorkingDays {

	private final HolidayManager norway;

	WorkingDays() {
		this.norway = HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.NORWAY));
	}

	boolean isWorkingDay(LocalDate day) {
		return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY
				&& !this.norway.isHoliday(day);
	}

	/** The first working day after {@code day}. */
	LocalDate next(LocalDate day) {
		LocalDate next = day.plusDays(1);
		while (!isWorkingDay(next)) {
			next = next.plusDays(1);
		}
		return next;
	}

}
