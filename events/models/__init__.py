from .pages import EventIndexPage, EventPage, OccurrenceChange, StudyVisitPage, Venue
from .registrations import Attendance, CalendarToken, EventMessage, Registration

__all__ = [
    "Attendance",
    "CalendarToken",
    "EventIndexPage",
    "EventMessage",
    "EventPage",
    "OccurrenceChange",
    "Registration",
    "StudyVisitPage",
    "Venue",
]
