"""The demo venues, with what a disabled participant needs to know about each."""

from people.enums import Country

VENUES = [
    {
        "name": "Municipal Assembly Hall",
        "address": "Municipality of Gjilan/Gnjilane, Rr. Bulevardi i Pavarësisë\n60000 Gjilan",
        "city": "Gjilan/Gnjilane",
        "country": Country.XK,
        "step_free": True,
        "accessible_toilet": True,
        "hearing_loop": False,
        "quiet_room": False,
        "accessibility_notes": (
            "Step-free entrance by the ramp from the car park at the side of the building; "
            "the lift goes to the assembly hall on the first floor. Interpretation booths are "
            "at the back of the hall: ask for a seat near the front if you lip-read."
        ),
        "directions": "Five minutes' walk from the bus station; parking behind the building.",
    },
    {
        "name": "Municipal Gender Equality Office, meeting room",
        "address": "Municipality of Gjakovë/Djakovica, Rr. Nëna Terezë\n50000 Gjakovë",
        "city": "Gjakovë/Djakovica",
        "country": Country.XK,
        "step_free": False,
        "accessible_toilet": False,
        "hearing_loop": False,
        "quiet_room": True,
        "accessibility_notes": (
            "The meeting room is on the first floor and the building has no lift. Tell us "
            "your access needs when you register and the meeting moves to the ground-floor "
            "hall, which is step-free. A small side room can be used as a quiet room."
        ),
        "directions": "In the municipal building on the main square.",
    },
    {
        "name": "Vilnius Women's House, conference hall",
        "address": "Conference hall, ground floor\nVilnius",
        "city": "Vilnius",
        "country": Country.LT,
        "step_free": True,
        "accessible_toilet": True,
        "hearing_loop": True,
        "quiet_room": True,
        "accessibility_notes": (
            "Level entrance with an automatic door. Induction loop in the hall (set your "
            "hearing aid to T). Reserved seats with space for wheelchairs in the front row. "
            "The quiet room is next to the hall and stays open all day."
        ),
        "directions": "Trolleybus stop two minutes away; two accessible parking bays at the door.",
    },
    {
        "name": "Kaunas County Police training centre",
        "address": "Training hall, building B\nKaunas",
        "city": "Kaunas",
        "country": Country.LT,
        "step_free": True,
        "accessible_toilet": True,
        "hearing_loop": True,
        "quiet_room": False,
        "accessibility_notes": (
            "Bring an identity document: visitors sign in at the gate. Building B has a "
            "step-free entrance and a lift; the training hall has a portable induction loop."
        ),
        "directions": "Visitors' parking at the main gate; the desk escorts you to building B.",
    },
    {
        "name": "Civil society centre, training room",
        "address": "Training room, second floor\n11000 Belgrade",
        "city": "Belgrade",
        "country": Country.RS,
        "step_free": True,
        "accessible_toilet": True,
        "hearing_loop": False,
        "quiet_room": False,
        "accessibility_notes": (
            "Step-free from the street to the lift; the lift is narrow (80 cm door). Seats "
            "are movable, and the room has daylight and dimmable lights."
        ),
        "directions": "Ten minutes' walk from Republic Square; public car park next door.",
    },
    {
        "name": "Training centre on victims' rights",
        "address": "Rue Belliard\n1040 Brussels\nBelgium",
        "city": "Brussels",
        "country": Country.BE,
        "step_free": True,
        "accessible_toilet": True,
        "hearing_loop": True,
        "quiet_room": True,
        "accessibility_notes": (
            "Fully step-free, with lifts to every floor. Hearing loops in all training rooms. "
            "A prayer and quiet room on the ground floor."
        ),
        "directions": "Metro Maalbeek or Schuman, five minutes' walk.",
    },
    {
        "name": "Civil society resource centre, training hall",
        "address": "Training hall, ground floor\n1000 Skopje",
        "city": "Skopje",
        "country": Country.MK,
        "step_free": True,
        "accessible_toilet": True,
        "hearing_loop": False,
        "quiet_room": True,
        "accessibility_notes": (
            "Step-free entrance from the courtyard; the training hall and the toilets are on "
            "the ground floor. A small side room serves as a quiet room."
        ),
        "directions": "Ten minutes' walk from the main bus and railway station.",
    },
    {
        "name": "SURT Women's Foundation, training room",
        "address": "Training room, first floor\nBarcelona",
        "city": "Barcelona",
        "country": Country.ES,
        "step_free": True,
        "accessible_toilet": True,
        "hearing_loop": True,
        "quiet_room": True,
        "accessibility_notes": (
            "Step-free entrance and a lift to the first floor. A portable induction loop on "
            "request. The quiet room next door has space for children: tell us when you "
            "register if you come with yours."
        ),
        "directions": "A few minutes' walk from the nearest metro station.",
    },
    {
        "name": "CESIE, meeting room",
        "address": "Meeting room, ground floor\nPalermo",
        "city": "Palermo",
        "country": Country.IT,
        "step_free": True,
        "accessible_toilet": False,
        "hearing_loop": False,
        "quiet_room": False,
        "accessibility_notes": (
            "Step-free entrance from the street. The nearest accessible toilet is in the café "
            "next door, open all afternoon."
        ),
        "directions": "In the historic centre, ten minutes' walk from the central station.",
    },
]
