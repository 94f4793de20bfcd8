"""Slovenian: CommunityLinkage's 16 Days (its partner works in Koper)."""

INDEX = {
    "title": "Kampanje",
    "intro": (
        "<p>Kampanje programov: 16 dni aktivizma proti nasilju na podlagi spola, nacionalne "
        "kampanje in koalicije prek meja. Preberi dejavnosti posameznih dni, poišči javno "
        "razpravo blizu sebe in se zaveži k podpori.</p>"
    ),
}

SECTIONS = {"communitylinkage": "CommunityLinkage: migrantke kot mentorice v skupnosti"}

SIXTEEN_DAYS = {
    "title": "16 dni aktivizma {year}",
    "theme": "Vsaka ženska, v vsakem jeziku: podpora, ki doseže migrantke",
    "intro": (
        "Od 25. novembra do 10. decembra migrantke, usposobljene za mentorice v skupnosti, in "
        "strokovnjakinje in strokovnjaki, ki jih usposabljajo v Španiji, Italiji, Grčiji in "
        "Sloveniji, kažejo, kako lahko službe za pomoč pri nasilju na podlagi spola dosežejo "
        "vsako žensko, ne glede na to, kateri jezik govori."
    ),
    "key_messages": [
        "Vsaka ženska ima pravico do zaščite pred nasiljem in do podpore, ne glede na jezik "
        "ali status prebivanja.",
        "Nobena ženska ne bi smela potrebovati partnerja, sorodnika ali svojega otroka za "
        "tolmača, ko prosi za pomoč.",
        "Migrantke niso le ženske, ki jim pomagamo: kot mentorice v skupnosti povezujejo "
        "ženske s službami in usposabljajo strokovnjake.",
        "Strokovnjaki: vprašajte na samem, poslušajte, verjemite ji in ponudite poklicnega "
        "tolmača.",
        "Pomagaj nam doseči 15.000 ljudi: deli dejavnost dneva in se zaveži k podpori.",
    ],
    "help_heading": "Če potrebuješ pomoč zdaj",
    "help_text": (
        "<p>V neposredni nevarnosti pokliči 112, brezplačno v vseh državah EU. Telefoni za "
        "pomoč spodaj so zaupni, številni lahko vključijo tolmača.</p>"
    ),
    "hero_alt": (
        "Ilustracija v oranžni: vrsta žensk različnih starosti, druga ob drugi, nekatere z "
        "naglavno ruto, pod besedami 16 Days."
    ),
    "days": [
        (
            "Obarvajmo svet oranžno",
            "Danes obleci nekaj oranžnega in nekomu povej, zakaj. Mentorice v skupnosti "
            "osvetlijo okna skupnostnih centrov v Barceloni, Palermu, Atenah in Kopru z "
            "oranžno: pošlji nam fotografijo, brez obrazov.",
            "Danes, na mednarodni dan boja proti nasilju nad ženskami, nosim oranžno za vsako "
            "žensko, v vsakem jeziku. #16Days #OrangeTheWorld",
            "<p>Plakat kampanje in slike za družbena omrežja so med gradivi na tej strani.</p>",
        ),
        (
            "Prepoznaj znake",
            "Spoznaj oblike nasilja: fizično, spolno, psihično, ekonomsko in digitalno. Če ji "
            "vzamejo dokumente, denar ali telefon, je to nadzor, nadzor pa pogosto pride prvi.",
            "Nasilje niso le modrice. Če ženski vzameš dokumente, denar ali telefon, je to "
            "nadzor. #16Days",
            "",
        ),
        (
            "Jezik odpira vrata",
            "Preveri, v katerih jezikih lahko služba za ženske v tvojem kraju zagotovi tolmača. "
            "Če delaš v službi, to zapiši na vrata in v zloženke, v teh jezikih.",
            "Služba, ki govori samo en jezik, je zaprta za veliko žensk. Tolmač je tvoja "
            "pravica. #16Days",
            "",
        ),
        (
            "Zaščita brez pogojev",
            "Preberi, kaj pravi Istanbulska konvencija: ženske so zaščitene brez "
            "diskriminacije, ne glede na status migrantke ali begunke (4. in 59. člen). Deli "
            "to s sodelavko ali sodelavcem na sprejemu.",
            "Zaščita pred nasiljem ni odvisna od dokumentov. #IstanbulConvention #16Days",
            '<p><a href="https://www.coe.int/en/web/istanbul-convention">Istanbulska konvencija '
            "(Svet Evrope)</a></p>",
        ),
        (
            "Zahvali se zagovornici",
            "29. november je mednarodni dan zagovornic človekovih pravic. Zahvali se ženski, "
            "ki se zavzema za druge: mentorici, delavki v varni hiši, tolmački.",
            "Hvala vsaki ženski, ki se zavzema za druge ženske. #WHRD #16Days",
            "",
        ),
        (
            "Mentorice gradijo mostove",
            "Preberi, kako migrantke, usposobljene za mentorice v skupnosti, pospremijo žensko "
            "na prvi sestanek, ji razložijo, kako služba deluje, in ostanejo ob njej.",
            "Mentorice v skupnosti pospremijo ženske do služb, ki jih potrebujejo. "
            "#CommunityLinkage #16Days",
            "",
        ),
        (
            "Zdravstvo vidi prvo",
            "Zdravstveni delavci: vsako žensko vprašajte, samo in na samem, ali se doma počuti "
            "varno. Če potrebuje tolmača, pokličite poklicnega.",
            "Vprašanje zdravnice ali medicinskega brata lahko odpre vrata pomoči. Vprašaj na "
            "samem. #16Days",
            "",
        ),
        (
            "Trgovina z ljudmi in izkoriščanje",
            "2. december je mednarodni dan odprave suženjstva. Spoznaj znake izkoriščanja "
            "žensk, ki delajo v gospodinjstvih, na poljih in v oskrbi: odvzeti dokumenti, "
            "dolgovi, noben prost dan.",
            "Ženske, ki za nas čistijo, skrbijo in obirajo pridelke, morajo biti svobodne in "
            "varne. #EndTrafficking #16Days",
            "",
        ),
        (
            "Ženske z invalidnostjo",
            "3. december je mednarodni dan invalidov. Preveri, ali je tvoja služba dostopna: "
            "vhod brez stopnic, lahko berljive informacije, znakovni jezik na željo.",
            "Ženske z invalidnostjo pogosteje doživljajo nasilje in redkeje pridejo do pomoči. "
            "Naredi svojo službo dostopno. #16Days",
            "",
        ),
        (
            "Varno na spletu",
            "S prijateljico, ki ji zaupaš, preglej svoj telefon: deljenje lokacije, skupne "
            "račune, aplikacije, ki jih nisi namestila ti. Nadzorovanje ženske prek njenega "
            "telefona je nasilje.",
            "Nadzorovanje ženske prek njenega telefona je nasilje. #16Days #DigitalViolence",
            "",
        ),
        (
            "Prostovoljstvo v tvoji skupnosti",
            "5. december je mednarodni dan prostovoljstva. Vprašaj žensko organizacijo blizu "
            "sebe, kaj potrebuje: spremstvo na sestanke, prevode zloženk, varstvo otrok med "
            "srečanji.",
            "Podari uro ženski organizaciji blizu sebe. #IVD #16Days",
            "",
        ),
        (
            "Moški kot zavezniki",
            "Moški: pogovarjajte se z drugimi moškimi o spoštovanju in nadzoru. Odzovite se, "
            "ko šala nasilje prikaže kot nekaj običajnega.",
            "Spoštovanje pomeni brez nadzora in brez nasilja. Moški, odzovite se. #16Days",
            "",
        ),
        (
            "Otroci in njihove matere",
            "Učitelji in socialne delavke: vedite, kam napotiti otroka, ki živi z nasiljem, in "
            "kako podpreti mater, ne da bi jo spravili v nevarnost.",
            "Zaščititi otroka pomeni podpreti tudi njegovo mater. #16Days",
            "",
        ),
        (
            "Povedati le enkrat",
            "Službe: z eno drugo ustanovo se dogovorite, kako boste napotili žensko, da bo "
            "svojo zgodbo povedala enkrat, ne petkrat.",
            "Ženska bi morala svojo zgodbo povedati enkrat, ne petkrat. Službe, sodelujte. #16Days",
            "",
        ),
        (
            "Zgodbe, objavljene s privolitvijo",
            "Preberi zgodbe na tej strani, objavljene s privolitvijo žensk, ki so jih "
            "povedale. Pošlji sporočilo solidarnosti; nikoli ne deli imena, fotografije ali "
            "podatkov preživele.",
            "Solidarnost, nikoli razkrivanje: deli sporočila, nikoli podatkov preživele. #16Days",
            "",
        ),
        (
            "Pravice žensk so človekove pravice",
            "10. december je dan človekovih pravic. Zaveži se k podpori, povej nam, kaj boš "
            "naredila prihodnje leto, in se udeleži javne razprave blizu sebe.",
            "Pravice žensk so človekove pravice, vsak dan v letu. Zavezala sem se k podpori. "
            "#16Days #HumanRightsDay",
            "",
        ),
    ],
    "stories": [],
}
