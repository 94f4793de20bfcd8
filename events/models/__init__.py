from .occurrences import OccurrenceChange
from .pages import EventIndexPage, EventPage, StudyVisitPage
from .registrations import Attendance, CalendarToken, Registration
from .venues import Venue

__all__ = [
    "Attendance",
    "CalendarToken",
    "EventIndexPage",
    "EventPage",
    "OccurrenceChange",
    "Registration",
    "StudyVisitPage",
    "Venue",
]
