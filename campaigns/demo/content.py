"""The demo campaigns in English (the original of every page; the other languages are in
``languages/``): CommunityLinkage's 16 Days of Activism, shared with the Kosovo coordination
mechanisms; the SEE coalition's campaign in five countries; and the Lithuanian network's
national "Stop violence against women" campaign (shared/domain/).

Days follow the campaign from its first day (25 November): the first entry is 25 November,
the sixteenth 10 December. Each day is (theme, action, share text, resources).

What the texts must never do: name or describe a survivor, show a face, or describe violence
in detail. The stories were told with recorded consent, and say nothing that identifies
anyone (no names, places, dates or workplaces).
"""

from datetime import time

from people.enums import Country

INDEX = {
    "title": "Campaigns",
    "intro": (
        "<p>The programmes' campaigns: the 16 Days of Activism against gender-based violence, "
        "national campaigns and coalitions across borders. Read the daily actions, find a "
        "public debate near you and pledge your support.</p>"
    ),
}

# --- CommunityLinkage: the 16 Days of Activism --------------------------------------------

SIXTEEN_DAYS = {
    "programme": "communitylinkage",
    "shared_with": ["kosovo"],
    "slug": "16-days-{year}",
    "title": "16 Days of Activism {year}",
    "theme": "Every woman, in every language: support that reaches migrant women",
    "intro": (
        "From 25 November to 10 December, migrant women trained as community mentors and the "
        "professionals they train in Spain, Italy, Greece and Slovenia show how services "
        "against gender-based violence can reach every woman, whatever language she speaks."
    ),
    "time_zone": "Europe/Madrid",
    "colour": "#F7941D",
    "pledge_target": 500,
    "reach_target": 15000,
    "key_messages": [
        "Every woman has the right to protection from violence and to support, whatever her "
        "language or residence status.",
        "No woman should need her partner, a relative or her child to interpret when she asks "
        "for help.",
        "Migrant women are not only people to help: as community mentors they connect women "
        "with services and train professionals.",
        "Professionals: ask in private, listen, believe her, and offer a professional interpreter.",
        "Help us reach 15,000 people: share a daily action and pledge your support.",
    ],
    "help_heading": "If you need help now",
    "help_text": (
        "<p>In immediate danger, call 112, free of charge in every EU country. The helplines "
        "below are confidential, and many of them can call in an interpreter.</p>"
    ),
    "hero_alt": (
        "An illustration in orange: a row of women of different ages side by side, some in "
        "headscarves, under the words 16 Days."
    ),
    "days": [
        (
            "Orange the World",
            "Wear something orange today and tell one person why. Community mentors light the "
            "windows of community centres in Barcelona, Palermo, Athens and Koper orange: send "
            "us a photo, without faces.",
            "Today, on the International Day for the Elimination of Violence against Women, I "
            "wear orange for every woman, in every language. #16Days #OrangeTheWorld",
            "<p>The campaign's poster and social media cards are in the toolkit on this page.</p>",
        ),
        (
            "Know the signs",
            "Learn the forms violence takes: physical, sexual, psychological, economic and "
            "digital. Taking away her papers, her money or her phone is control, and control "
            "often comes first.",
            "Violence is not only bruises. Taking away a woman's papers, money or phone is "
            "control. #16Days",
            "",
        ),
        (
            "Language opens the door",
            "Find out in which languages your local women's service can offer an interpreter. "
            "If you work in a service, say so on your door and in your leaflets, in those "
            "languages.",
            "A service that speaks one language is closed to many women. Asking for an "
            "interpreter is your right. #16Days",
            "",
        ),
        (
            "Protection without conditions",
            "Read what the Istanbul Convention says: women are protected without "
            "discrimination, whatever their migrant or refugee status (Articles 4 and 59). "
            "Share it with a colleague at the front desk.",
            "Protection from violence does not depend on papers. #IstanbulConvention #16Days",
            '<p><a href="https://www.coe.int/en/web/istanbul-convention">The Istanbul '
            "Convention (Council of Europe)</a></p>",
        ),
        (
            "Thank a defender",
            "29 November is International Women Human Rights Defenders Day. Thank a woman "
            "who stands up for others: a mentor, a shelter worker, an interpreter.",
            "Thank you to every woman who stands up for other women. #WHRD #16Days",
            "",
        ),
        (
            "Mentors build bridges",
            "Read how migrant women trained as community mentors go with a woman to her first "
            "appointment, explain how a service works, and stay beside her.",
            "Community mentors walk beside women to the services they need. #CommunityLinkage "
            "#16Days",
            "",
        ),
        (
            "Health workers see it first",
            "Health workers: ask every woman, alone and in private, whether she feels safe at "
            "home. If she needs an interpreter, call a professional one.",
            "A question from a doctor or a nurse can open the door to help. Ask in private. "
            "#16Days",
            "",
        ),
        (
            "Trafficking and exploitation",
            "2 December is the International Day for the Abolition of Slavery. Learn the signs "
            "of exploitation among women who work in homes, fields and care: documents taken "
            "away, debts, no day off.",
            "The women who clean, care and harvest for us must be free and safe. "
            "#EndTrafficking #16Days",
            "",
        ),
        (
            "Women with disabilities",
            "3 December is the International Day of Persons with Disabilities. Check that your "
            "service is accessible: a step-free entrance, easy-to-read information, sign "
            "language on request.",
            "Women with disabilities face violence more often and reach help less often. Make "
            "your service accessible. #16Days",
            "",
        ),
        (
            "Safe online",
            "Check your phone with a friend you trust: location sharing, shared accounts, apps "
            "you did not install. Watching a woman through her phone is violence.",
            "Controlling a woman through her phone is violence. #16Days #DigitalViolence",
            "",
        ),
        (
            "Volunteer in your community",
            "5 December is International Volunteer Day. Ask a women's organisation near you "
            "what it needs: company to appointments, leaflets translated, childcare during "
            "sessions.",
            "Give an hour to a women's organisation near you. #IVD #16Days",
            "",
        ),
        (
            "Men as allies",
            "Men: talk with other men about respect and control. Speak up when a joke makes "
            "violence seem normal.",
            "Respect means no control and no violence. Men, speak up. #16Days",
            "",
        ),
        (
            "Children and their mothers",
            "Teachers and social workers: know where to refer a child who lives with violence, "
            "and how to support the mother without putting her at risk.",
            "Protecting a child means supporting the mother too. #16Days",
            "",
        ),
        (
            "Tell it once",
            "Services: agree with one other agency how you refer a woman, so that she tells "
            "her story once, not five times.",
            "A woman should tell her story once, not five times. Services, work together. #16Days",
            "",
        ),
        (
            "Stories shared with consent",
            "Read the stories on this page, shared with the consent of the women who told "
            "them. Send a message of solidarity; never share a survivor's name, photo or "
            "details.",
            "Solidarity, never exposure: share messages, never a survivor's details. #16Days",
            "",
        ),
        (
            "Women's rights are human rights",
            "10 December is Human Rights Day. Pledge your support, tell us what you will do "
            "next year, and join a public debate near you.",
            "Women's rights are human rights, every day of the year. I have pledged my "
            "support. #16Days #HumanRightsDay",
            "",
        ),
    ],
    # (title, text, attribution, days before the campaign the consent was recorded, record)
    "stories": [
        (
            "She asked for an interpreter, and came back",
            "A woman came to two mentoring sessions without saying much. At the third, she "
            "asked whether the health centre had interpreters in her language. Her mentor went "
            "with her to ask. Now she goes on her own, and she has told other women that they "
            "can ask too.",
            "A community mentor",
            21,
            "Signed consent form, kept by the mentoring coordinator.",
        ),
        (
            "What the mentors taught our front desk",
            "I had worked at the front desk of a social service for years. In the training "
            "led by two migrant women mentors, I understood why some women left before their "
            "appointment: our letters were in one language only, and a relative always "
            "interpreted. We have changed both.",
            "A social worker trained by community mentors",
            14,
            "Consent given in writing by e-mail, kept by the programme's lead organisation.",
        ),
    ],
    # The public debates of the 16 Days (events.selectors) of the programmes that run it.
    "event_kinds": ["public_debate"],
    "event_programmes": ["communitylinkage", "kosovo"],
}

# --- The SEE coalition ----------------------------------------------------------------------

COALITION = {
    "programme": "see-coalition",
    "shared_with": [],
    "slug": "stop-trafficking-{year}",
    "title": "STOP trafficking and violence against women and girls",
    "theme": "Protection does not stop at the border",
    "intro": (
        "Five civil-society organisations in Albania, Bosnia and Herzegovina, Kosovo, North "
        "Macedonia and Serbia campaign together during the 16 Days for women and children on "
        "the move: against trafficking, for protection and for laws that are applied."
    ),
    "time_zone": "Europe/Belgrade",
    "colour": "#7A1FA2",
    "pledge_target": 500,
    "reach_target": 40000,
    "key_messages": [
        "Women and children on the move are not goods to be traded. Trafficking is a crime "
        "against them, never by them.",
        "A victim of trafficking is first a victim: protection and support come before any "
        "question about papers.",
        "Five countries, one coalition: police, border services, courts, social services and "
        "civil society must work to the same plan.",
        "We ask each government for a national strategy against trafficking and gender-based "
        "violence that is funded and monitored.",
    ],
    # Day number (1 = 25 November) → (theme, action, share text, resources)
    "days": {
        1: (
            "Five capitals, one message",
            "The coalition opens the campaign in Tirana, Sarajevo, Prishtina, Skopje and "
            "Belgrade. Pledge your support on your country's page.",
            "Protection does not stop at the border. I stand with women and children on the "
            "move. #16Days #STOPtrafficking",
            "",
        ),
        8: (
            "Know the signs of trafficking",
            "2 December is the International Day for the Abolition of Slavery. Learn the signs: "
            "a person who does not hold her own documents, owes a debt she cannot repay, or is "
            "never alone.",
            "Trafficking hides in plain sight. Learn the signs. #EndSlavery #16Days",
            "",
        ),
        14: (
            "Public debate in Belgrade",
            "Decision makers and the coalition debate the legal reforms the region still needs. "
            "Come, ask your question, or follow the summary on this page.",
            "Laws against trafficking must be applied, not only adopted. #16Days #STOPtrafficking",
            "",
        ),
        16: (
            "Our pledges to the governments",
            "On Human Rights Day each partner hands its country's pledges to the ministries "
            "responsible, with the coalition's recommendations.",
            "On Human Rights Day, our pledges go to the governments of five countries. #16Days "
            "#HumanRightsDay",
            "",
        ),
    },
    "stories": [],
    "event_kinds": ["public_debate"],
    "event_programmes": ["see-coalition"],
}

# (slug, organisation, country, language, title, intro, pledge target)
PARTNERS = [
    (
        "albania",
        "STOP coalition, Albania",
        Country.AL,
        "sq",
        "Albania",
        "In Tirana and Shkodër, the coalition's Albanian partner works with the border police "
        "and the social services on the referral of women and children on the move.",
        100,
    ),
    (
        "bosnia-and-herzegovina",
        "STOP coalition, Bosnia and Herzegovina",
        Country.BA,
        "sr-latn",
        "Bosnia and Herzegovina",
        "In Sarajevo and Tuzla, the coalition's partner trains the staff of reception centres "
        "to recognise trafficking and to refer women to safe accommodation.",
        80,
    ),
    (
        "kosovo",
        "STOP coalition, Kosovo",
        Country.XK,
        "sq",
        "Kosovo",
        "The coalition's partner in Kosovo brings the municipal coordination mechanisms and "
        "civil society together on a plan against trafficking.",
        100,
    ),
    (
        "north-macedonia",
        "STOP coalition, North Macedonia",
        Country.MK,
        "mk",
        "North Macedonia",
        "In Skopje and Kumanovo, the coalition's partner works with health services and "
        "shelters so that women who were trafficked receive care without conditions.",
        80,
    ),
    (
        "serbia",
        "STOP coalition, Serbia",
        Country.RS,
        "sr-latn",
        "Serbia",
        "In Belgrade and Preševo, the coalition's lead partner monitors how the law against "
        "trafficking is applied and hosts the campaign's public debate.",
        140,
    ),
]

# --- Lithuania: "Stop violence against women" -----------------------------------------------

LITHUANIA = {
    "programme": "lithuania",
    "shared_with": [],
    "slug": "stop-violence-against-women-{year}",
    "title": "Stop violence against women",
    "theme": "Zero tolerance of violence at home",
    "intro": (
        "The national campaign of the specialised help centres in Lithuania's eight regions: "
        "violence at home is a crime, help is free, and every neighbour, colleague and friend "
        "can do something."
    ),
    "time_zone": "Europe/Vilnius",
    "colour": "#F7941D",
    "pledge_target": 400,
    "reach_target": 50000,
    "key_messages": [
        "Violence at home is not a private matter. It is a crime, and help is free.",
        "Specialised help centres in all eight regions support women who experience "
        "violence: confidentially, in person or by phone.",
        "Notice, ask, and tell her where help is: every neighbour, colleague and friend can help.",
        "Volunteers make the help centres stronger: join the network in your region.",
    ],
    "days": {
        1: (
            "The campaign opens",
            "Town halls in the eight regions are lit orange tonight. Find the specialised help "
            "centre in your region and save its number.",
            "Violence at home is a crime, and help is free. #StopSmurtui #16Days",
            "",
        ),
        11: (
            "Become a volunteer",
            "5 December is International Volunteer Day. The help centres train volunteers to "
            "answer calls, go with women to the police or a court, and talk to schools.",
            "I want to help: volunteers make the help centres stronger. #StopSmurtui",
            "",
        ),
        16: (
            "Closing debate in Vilnius",
            "On Human Rights Day, volunteers, help centres and politicians meet in Vilnius to "
            "close the campaign. Register for the public debate.",
            "Women's rights are human rights. Zero tolerance of violence at home. #StopSmurtui "
            "#HumanRightsDay",
            "",
        ),
    },
    "stories": [
        (
            "A neighbour who asked",
            "A neighbour noticed that a woman on her landing no longer went out. She did not "
            "call anyone at first; she asked how she was, twice, and left a help centre's "
            "leaflet. Months later, the woman told her she had kept it.",
            "A volunteer of a specialised help centre",
            30,
            "Oral consent recorded in the help centre's consent log.",
        ),
    ],
    "event_kinds": ["public_debate"],
    "event_programmes": ["lithuania"],
}

CAMPAIGNS = [SIXTEEN_DAYS, COALITION, LITHUANIA]

# The toolkit: generated materials (toolkit.py), per campaign and language:
# (kind, language, title, description, the words the file shows).
TOOLKIT_LANGUAGES = {
    "communitylinkage": ["en", "es", "ar"],
    "see-coalition": ["en", "sq", "mk", "sr-latn"],
    "lithuania": ["lt", "en"],
}

# Demo pledgers' names, countries and commitments (pledges.py): made up, addresses at the
# reserved example.org domain.
PLEDGE_NAMES = {
    "communitylinkage": [
        ("Marta", "ES", "es"),
        ("Jordi", "ES", "es"),
        ("Amal", "ES", "ar"),
        ("Giulia", "IT", "it"),
        ("Salvatore", "IT", "it"),
        ("Khadija", "IT", "ar"),
        ("Eleni", "GR", "el"),
        ("Nikos", "GR", "el"),
        ("Maryam", "GR", "fa"),
        ("Petra", "SI", "sl"),
        ("Oksana", "ES", "uk"),
        ("Laura", "ES", "es"),
        ("Francesca", "IT", "it"),
        ("Sara", "SI", "sl"),
        ("Dimitra", "GR", "el"),
        ("Farah", "ES", "ar"),
        ("Leila", "GR", "fa"),
        ("Ana", "ES", "es"),
        ("Rosa", "IT", "it"),
        ("Tjaša", "SI", "sl"),
    ],
    "see-coalition": [
        ("Ardita", "AL", "sq"),
        ("Elira", "AL", "sq"),
        ("Amra", "BA", "sr-latn"),
        ("Emina", "BA", "sr-latn"),
        ("Vjollca", "XK", "sq"),
        ("Blerta", "XK", "sq"),
        ("Ivana", "MK", "mk"),
        ("Marija", "MK", "mk"),
        ("Jovana", "RS", "sr-latn"),
        ("Dragana", "RS", "sr-latn"),
    ],
    "lithuania": [
        ("Rasa", "LT", "lt"),
        ("Eglė", "LT", "lt"),
        ("Jonas", "LT", "lt"),
        ("Aistė", "LT", "lt"),
        ("Tomas", "LT", "lt"),
        ("Ieva", "LT", "lt"),
        ("Lina", "LT", "lt"),
        ("Greta", "LT", "lt"),
    ],
}

# Organisations and agencies that pledged: (organisation, country, language, commitment,
# partner slug or "", on the wall: "approved" | "pending" | "").
ORGANISATION_PLEDGES = {
    "communitylinkage": [
        (
            "Primary care team, Barcelona",
            "ES",
            "es",
            "Every first appointment of a woman who does not speak Spanish or Catalan will have "
            "a professional interpreter from January.",
            "",
            "approved",
        ),
        (
            "Migrant women's association, Palermo",
            "IT",
            "it",
            "Our members will accompany women to the anti-violence centre in four languages.",
            "",
            "approved",
        ),
        (
            "Community interpreters' collective, Athens",
            "GR",
            "el",
            "Ten of our interpreters will take the community mentors' training on gender-based "
            "violence this winter.",
            "",
            "approved",
        ),
        (
            "Youth centre, Koper",
            "SI",
            "sl",
            "We will hold two workshops on respect and control with young men.",
            "",
            "pending",
        ),
        (
            "Neighbourhood library, Barcelona",
            "ES",
            "es",
            "We will keep leaflets about help in eight languages at the desk.",
            "",
            "",
        ),
    ],
    "see-coalition": [
        (
            "Regional border police training unit",
            "MK",
            "mk",
            "All new border police officers will take the module on recognising trafficking.",
            "north-macedonia",
            "approved",
        ),
        (
            "Women's shelter network",
            "AL",
            "sq",
            "We will keep two places free for women referred by the border services.",
            "albania",
            "approved",
        ),
        (
            "Centre for social work, Belgrade",
            "RS",
            "sr-latn",
            "Every case manager will know the referral route for victims of trafficking.",
            "serbia",
            "pending",
        ),
    ],
    "lithuania": [
        (
            "Municipal social services, Kaunas",
            "LT",
            "lt",
            "Our staff will refer every woman who experiences violence to the specialised help "
            "centre within a day.",
            "",
            "approved",
        ),
        (
            "Secondary school, Utena",
            "LT",
            "lt",
            "We will hold a lesson on respectful relationships in every final-year class.",
            "",
            "pending",
        ),
    ],
}

# Reach so far, by channel: (day of the campaign it was recorded on, channel, basis, people,
# method, partner slug or ""). Days after today are left out.
REACH = {
    "communitylinkage": [
        (
            1,
            "landmarks",
            "estimated",
            2400,
            "Footfall estimates from the four city councils for the squares in front of the "
            "community centres lit orange, on the first evening.",
            "",
        ),
        (
            2,
            "events",
            "direct",
            186,
            "Sign-in sheets and head counts at the opening sessions in the four cities.",
            "",
        ),
        (
            3,
            "social",
            "estimated",
            3900,
            "Unique accounts reached by the campaign's posts, from the platforms' page "
            "statistics, summed over the partners' pages.",
            "",
        ),
        (
            4,
            "printed",
            "estimated",
            1250,
            "Leaflets handed out by mentors and services in eight languages; one reader per "
            "leaflet.",
            "",
        ),
        (
            5,
            "media",
            "estimated",
            2100,
            "Audience figure given by the local radio station for the interview with two "
            "community mentors.",
            "",
        ),
    ],
    "see-coalition": [
        (1, "events", "direct", 240, "Sign-in sheets at the launch in five capitals.", ""),
        (
            2,
            "media",
            "estimated",
            9000,
            "Audience figures of the public broadcaster's evening news that covered the launch.",
            "serbia",
        ),
        (
            3,
            "social",
            "estimated",
            4300,
            "Unique accounts reached by the partners' posts, from the platforms' statistics.",
            "albania",
        ),
    ],
    "lithuania": [
        (
            1,
            "landmarks",
            "estimated",
            6000,
            "Municipalities' estimates of the people in the town-hall squares on the evening "
            "the buildings were lit orange.",
            "",
        ),
        (
            2,
            "printed",
            "estimated",
            3200,
            "Posters and leaflets given out by the eight help centres; one reader each.",
            "",
        ),
        (
            3,
            "events",
            "direct",
            95,
            "Registrations and head counts at school talks by volunteers.",
            "",
        ),
    ],
}

# The hour each demo pledge was made at, in the campaign's zone (spread over the day).
PLEDGE_HOURS = [time(9, 10), time(12, 40), time(18, 5), time(21, 30)]
