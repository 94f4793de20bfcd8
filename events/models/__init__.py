from .occurrences import OccurrenceChange
from .pages import EventIndexPage, EventPage, EventSectionPage, StudyVisitPage
from .registrations import AnonymousAttendance, Attendance, CalendarToken, Registration
from .venues import Venue

__all__ = [
    "AnonymousAttendance",
    "Attendance",
    "CalendarToken",
    "EventIndexPage",
    "EventPage",
    "EventSectionPage",
    "OccurrenceChange",
    "Registration",
    "StudyVisitPage",
    "Venue",
]
