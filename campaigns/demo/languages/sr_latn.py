"""Serbian (Latin script): the 16 Days (shared with the Kosovo coordination mechanisms), the
SEE coalition's campaign, and its partners in Serbia and in Bosnia and Herzegovina (Bosnian
is not a site language: the Bosnian partner's page is written in the ijekavian it reads)."""

INDEX = {
    "title": "Kampanje",
    "intro": (
        "<p>Kampanje programa: 16 dana aktivizma protiv rodno zasnovanog nasilja, nacionalne "
        "kampanje i koalicije preko granica. Pročitajte akcije za svaki dan, pronađite javnu "
        "debatu u svojoj blizini i dajte svoju podršku.</p>"
    ),
}

SECTIONS = {
    "communitylinkage": "CommunityLinkage: žene migrantkinje kao mentorke u zajednici",
    "see-coalition": (
        "Koalicija organizacija civilnog društva Jugoistočne Evrope protiv trgovine ljudima "
        "i rodno zasnovanog nasilja (STOP)"
    ),
}

SIXTEEN_DAYS = {
    "title": "16 dana aktivizma {year}",
    "theme": "Svaka žena, na svakom jeziku: podrška koja stiže do žena migrantkinja",
    "intro": (
        "Od 25. novembra do 10. decembra žene migrantkinje obučene za mentorke u zajednici i "
        "stručnjakinje i stručnjaci koje one obučavaju u Španiji, Italiji, Grčkoj i Sloveniji "
        "pokazuju kako službe za podršku u slučajevima rodno zasnovanog nasilja mogu da "
        "dopru do svake žene, bez obzira na to kojim jezikom govori."
    ),
    "key_messages": [
        "Svaka žena ima pravo na zaštitu od nasilja i na podršku, bez obzira na jezik ili "
        "boravišni status.",
        "Nijednoj ženi ne bi trebalo da bude potreban partner, rođak ili njeno dete kao "
        "prevodilac kada traži pomoć.",
        "Žene migrantkinje nisu samo osobe kojima se pomaže: kao mentorke u zajednici one "
        "povezuju žene sa službama i obučavaju stručnjake.",
        "Stručnjaci: pitajte nasamo, slušajte, verujte joj i ponudite profesionalnog prevodioca.",
        "Pomozite nam da dopremo do 15.000 ljudi: podelite akciju dana i dajte svoju podršku.",
    ],
    "help_heading": "Ako vam je pomoć potrebna sada",
    "help_text": (
        "<p>U neposrednoj opasnosti pozovite 112, besplatno u svim zemljama EU. Linije za "
        "pomoć ispod su poverljive, a mnoge mogu da uključe prevodioca.</p>"
    ),
    "hero_alt": (
        "Ilustracija u narandžastoj boji: niz žena različitog uzrasta, jedna pored druge, neke "
        "s maramom, ispod reči 16 Days."
    ),
    "days": [
        (
            "Obojimo svet u narandžasto",
            "Obucite danas nešto narandžasto i recite jednoj osobi zašto. Mentorke u zajednici "
            "osvetljavaju narandžastom bojom prozore centara zajednice u Barseloni, Palermu, "
            "Atini i Kopru: pošaljite nam fotografiju, bez lica.",
            "Danas, na Međunarodni dan borbe protiv nasilja nad ženama, nosim narandžasto za "
            "svaku ženu, na svakom jeziku. #16Days #OrangeTheWorld",
            "<p>Plakat kampanje i slike za društvene mreže nalaze se među materijalima na ovoj "
            "stranici.</p>",
        ),
        (
            "Prepoznajte znake",
            "Upoznajte oblike nasilja: fizičko, seksualno, psihičko, ekonomsko i digitalno. "
            "Oduzimanje dokumenata, novca ili telefona je kontrola, a kontrola često dolazi "
            "prva.",
            "Nasilje nisu samo modrice. Oduzeti ženi dokumenta, novac ili telefon je kontrola. "
            "#16Days",
            "",
        ),
        (
            "Jezik otvara vrata",
            "Saznajte na kojim jezicima služba za žene u vašem mestu može da obezbedi "
            "prevodioca. Ako radite u službi, napišite to na vratima i u letcima, na tim "
            "jezicima.",
            "Služba koja govori samo jedan jezik zatvorena je za mnoge žene. Prevodilac je vaše "
            "pravo. #16Days",
            "",
        ),
        (
            "Zaštita bez uslova",
            "Pročitajte šta kaže Istanbulska konvencija: žene su zaštićene bez diskriminacije, "
            "bez obzira na status migrantkinje ili izbeglice (članovi 4 i 59). Podelite to sa "
            "koleginicom ili kolegom na prijemu.",
            "Zaštita od nasilja ne zavisi od papira. #IstanbulConvention #16Days",
            '<p><a href="https://www.coe.int/en/web/istanbul-convention">Istanbulska konvencija '
            "(Savet Evrope)</a></p>",
        ),
        (
            "Zahvalite braniteljki",
            "29. novembar je Međunarodni dan braniteljki ljudskih prava. Zahvalite ženi koja se "
            "zalaže za druge: mentorki, radnici u sigurnoj kući, prevoditeljki.",
            "Hvala svakoj ženi koja se zalaže za druge žene. #WHRD #16Days",
            "",
        ),
        (
            "Mentorke grade mostove",
            "Pročitajte kako žene migrantkinje obučene za mentorke u zajednici prate ženu na "
            "prvi sastanak, objašnjavaju joj kako služba radi i ostaju uz nju.",
            "Mentorke u zajednici prate žene do službi koje su im potrebne. #CommunityLinkage "
            "#16Days",
            "",
        ),
        (
            "Zdravstvo to vidi prvo",
            "Zdravstveni radnici: pitajte svaku ženu, samu i nasamo, da li se kod kuće oseća "
            "bezbedno. Ako joj je potreban prevodilac, pozovite profesionalnog.",
            "Pitanje lekarke ili medicinskog tehničara može da otvori vrata pomoći. Pitajte "
            "nasamo. #16Days",
            "",
        ),
        (
            "Trgovina ljudima i eksploatacija",
            "2. decembar je Međunarodni dan borbe za ukidanje ropstva. Naučite znake "
            "eksploatacije žena koje rade u domaćinstvima, na poljima i u nezi: oduzeta "
            "dokumenta, dugovi, nijedan slobodan dan.",
            "Žene koje za nas čiste, neguju i beru moraju biti slobodne i bezbedne. "
            "#EndTrafficking #16Days",
            "",
        ),
        (
            "Žene sa invaliditetom",
            "3. decembar je Međunarodni dan osoba sa invaliditetom. Proverite da li je vaša "
            "služba pristupačna: ulaz bez stepenica, informacije lake za čitanje, znakovni jezik "
            "na zahtev.",
            "Žene sa invaliditetom češće trpe nasilje i ređe stižu do pomoći. Učinite svoju "
            "službu pristupačnom. #16Days",
            "",
        ),
        (
            "Bezbedno na internetu",
            "Proverite telefon sa prijateljicom kojoj verujete: deljenje lokacije, zajedničke "
            "naloge, aplikacije koje niste vi instalirali. Praćenje žene preko njenog telefona "
            "je nasilje.",
            "Kontrolisanje žene preko njenog telefona je nasilje. #16Days #DigitalViolence",
            "",
        ),
        (
            "Volontirajte u svojoj zajednici",
            "5. decembar je Međunarodni dan volontera. Pitajte žensku organizaciju u svojoj "
            "blizini šta joj treba: pratnja na sastanke, prevod letaka, čuvanje dece tokom "
            "susreta.",
            "Poklonite jedan sat ženskoj organizaciji u svojoj blizini. #IVD #16Days",
            "",
        ),
        (
            "Muškarci kao saveznici",
            "Muškarci: razgovarajte sa drugim muškarcima o poštovanju i kontroli. Reagujte kada "
            "šala čini da nasilje izgleda normalno.",
            "Poštovanje znači bez kontrole i bez nasilja. Muškarci, reagujte. #16Days",
            "",
        ),
        (
            "Deca i njihove majke",
            "Nastavnici i socijalne radnice: znajte kome da uputite dete koje živi sa nasiljem "
            "i kako da podržite majku a da je ne izložite opasnosti.",
            "Zaštititi dete znači podržati i majku. #16Days",
            "",
        ),
        (
            "Ispričati samo jednom",
            "Službe: dogovorite se sa još jednom ustanovom kako upućujete ženu, da bi svoju "
            "priču ispričala jednom, a ne pet puta.",
            "Žena treba da ispriča svoju priču jednom, a ne pet puta. Službe, radite zajedno. "
            "#16Days",
            "",
        ),
        (
            "Priče objavljene uz pristanak",
            "Pročitajte priče na ovoj stranici, objavljene uz pristanak žena koje su ih "
            "ispričale. Pošaljite poruku solidarnosti; nikada ne delite ime, fotografiju ili "
            "podatke žene koja je preživela nasilje.",
            "Solidarnost, nikada izlaganje: delite poruke, nikada podatke žene koja je "
            "preživela nasilje. #16Days",
            "",
        ),
        (
            "Prava žena su ljudska prava",
            "10. decembar je Dan ljudskih prava. Dajte svoju podršku, recite nam šta ćete "
            "uraditi sledeće godine i dođite na javnu debatu u svojoj blizini.",
            "Prava žena su ljudska prava, svakog dana u godini. Dala sam svoju podršku. #16Days "
            "#HumanRightsDay",
            "",
        ),
    ],
    "stories": [],
}

COALITION = {
    "title": "STOP trgovini ljudima i nasilju nad ženama i devojčicama",
    "theme": "Zaštita se ne zaustavlja na granici",
    "intro": (
        "Pet organizacija civilnog društva u Albaniji, Bosni i Hercegovini, na Kosovu, u "
        "Severnoj Makedoniji i Srbiji zajedno vode kampanju tokom 16 dana za žene i decu u "
        "pokretu: protiv trgovine ljudima, za zaštitu i za zakone koji se primenjuju."
    ),
    "key_messages": [
        "Žene i deca u pokretu nisu roba kojom se trguje. Trgovina ljudima je zločin protiv "
        "njih, nikada njihov.",
        "Žrtva trgovine ljudima je pre svega žrtva: zaštita i podrška dolaze pre svakog "
        "pitanja o papirima.",
        "Pet zemalja, jedna koalicija: policija, granične službe, sudovi, socijalne službe i "
        "civilno društvo moraju da rade po istom planu.",
        "Od svake vlade tražimo nacionalnu strategiju protiv trgovine ljudima i rodno "
        "zasnovanog nasilja, koja je finansirana i praćena.",
    ],
    "days": {
        1: (
            "Pet prestonica, jedna poruka",
            "Koalicija otvara kampanju u Tirani, Sarajevu, Prištini, Skoplju i Beogradu. Dajte "
            "svoju podršku na stranici svoje zemlje.",
            "Zaštita se ne zaustavlja na granici. Uz žene i decu u pokretu sam. #16Days "
            "#STOPtrafficking",
            "",
        ),
        8: (
            "Prepoznajte znake trgovine ljudima",
            "2. decembar je Međunarodni dan borbe za ukidanje ropstva. Naučite znake: osoba "
            "koja ne drži sama svoja dokumenta, ima dug koji ne može da vrati ili nikada nije "
            "sama.",
            "Trgovina ljudima se krije pred našim očima. Naučite znake. #EndSlavery #16Days",
            "",
        ),
        14: (
            "Javna debata u Beogradu",
            "Donosioci odluka i koalicija raspravljaju o zakonskim reformama koje su regionu "
            "još potrebne. Dođite, postavite svoje pitanje ili pratite sažetak na ovoj stranici.",
            "Zakoni protiv trgovine ljudima moraju da se primenjuju, a ne samo da se usvoje. "
            "#16Days #STOPtrafficking",
            "",
        ),
        16: (
            "Naša podrška vladama",
            "Na Dan ljudskih prava svaki partner predaje izjave podrške iz svoje zemlje "
            "nadležnim ministarstvima, zajedno sa preporukama koalicije.",
            "Na Dan ljudskih prava naše izjave podrške idu vladama pet zemalja. #16Days "
            "#HumanRightsDay",
            "",
        ),
    },
}

PARTNERS = {
    "serbia": {
        "title": "Srbija",
        "organisation": "Koalicija STOP, Srbija",
        "intro": (
            "U Beogradu i Preševu vodeći partner koalicije prati kako se primenjuje zakon "
            "protiv trgovine ljudima i organizuje javnu debatu kampanje."
        ),
    },
    "bosnia-and-herzegovina": {
        "title": "Bosna i Hercegovina",
        "organisation": "Koalicija STOP, Bosna i Hercegovina",
        "intro": (
            "U Sarajevu i Tuzli partner koalicije obučava osoblje prihvatnih centara da "
            "prepozna trgovinu ljudima i uputi žene u sigurni smještaj."
        ),
    },
}
