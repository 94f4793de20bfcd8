from .occurrences import OccurrenceChange
from .pages import EventIndexPage, EventPage, EventSectionPage, StudyVisitPage
from .registrations import Attendance, CalendarToken, Registration
from .venues import Venue

__all__ = [
    "EventSectionPage",
    "Attendance",
    "CalendarToken",
    "EventIndexPage",
    "EventPage",
    "OccurrenceChange",
    "Registration",
    "StudyVisitPage",
    "Venue",
]
