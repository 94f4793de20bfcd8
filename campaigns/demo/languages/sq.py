"""Albanian: the 16 Days (shared with the Kosovo coordination mechanisms), the SEE
coalition's campaign, and its partners in Albania and Kosovo."""

INDEX = {
    "title": "Fushatat",
    "intro": (
        "<p>Fushatat e programeve: 16 ditët e aktivizmit kundër dhunës me bazë gjinore, "
        "fushata kombëtare dhe koalicione përtej kufijve. Lexoni veprimet e çdo dite, gjeni "
        "një debat publik pranë jush dhe merrni një zotim.</p>"
    ),
}

SECTIONS = {
    "communitylinkage": "CommunityLinkage: gratë migrante si mentore në komunitet",
    "see-coalition": (
        "Koalicioni i OSHC-ve të Evropës Juglindore kundër trafikimit dhe dhunës me bazë "
        "gjinore (STOP)"
    ),
}

SIXTEEN_DAYS = {
    "title": "16 ditë aktivizmi {year}",
    "theme": "Çdo grua, në çdo gjuhë: mbështetje që arrin te gratë migrante",
    "intro": (
        "Nga 25 nëntori deri më 10 dhjetor, gra migrante të trajnuara si mentore në komunitet "
        "dhe profesionistet e profesionistët që ato trajnojnë në Spanjë, Itali, Greqi dhe "
        "Slloveni tregojnë si shërbimet kundër dhunës me bazë gjinore mund të arrijnë te çdo "
        "grua, në çfarëdo gjuhe që flet."
    ),
    "key_messages": [
        "Çdo grua ka të drejtë për mbrojtje nga dhuna dhe për mbështetje, pavarësisht gjuhës "
        "apo statusit të saj të qëndrimit.",
        "Asnjë grua nuk duhet të ketë nevojë për partnerin, për një të afërm apo për fëmijën e "
        "saj si përkthyes kur kërkon ndihmë.",
        "Gratë migrante nuk janë vetëm njerëz që duhen ndihmuar: si mentore në komunitet ato "
        "lidhin gratë me shërbimet dhe trajnojnë profesionistët.",
        "Profesionistë: pyesni veçmas, dëgjoni, besojini dhe ofroni një përkthyes profesional.",
        "Na ndihmoni të arrijmë 15.000 njerëz: ndani një veprim të ditës dhe merrni një zotim.",
    ],
    "help_heading": "Nëse keni nevojë për ndihmë tani",
    "help_text": (
        "<p>Në rrezik të menjëhershëm, telefononi 112, falas në çdo vend të BE-së. Linjat e "
        "ndihmës më poshtë janë konfidenciale dhe shumë prej tyre mund të thërrasin një "
        "përkthyes.</p>"
    ),
    "hero_alt": (
        "Ilustrim në portokalli: një rresht grash të moshave të ndryshme, njëra pranë tjetrës, "
        "disa me shami, nën fjalët 16 Days."
    ),
    "days": [
        (
            "Ngjyrosni botën portokalli",
            "Vishni sot diçka portokalli dhe tregojini një njeriu pse. Mentoret e komunitetit "
            "ndriçojnë me portokalli dritaret e qendrave të komunitetit në Barcelonë, Palermo, "
            "Athinë dhe Koper: na dërgoni një foto, pa fytyra.",
            "Sot, në Ditën Ndërkombëtare për Eliminimin e Dhunës ndaj Grave, vishem në "
            "portokalli për çdo grua, në çdo gjuhë. #16Days #OrangeTheWorld",
            "<p>Posteri i fushatës dhe kartat për rrjetet sociale janë te materialet e kësaj "
            "faqeje.</p>",
        ),
        (
            "Njihni shenjat",
            "Mësoni format e dhunës: fizike, seksuale, psikologjike, ekonomike dhe digjitale. "
            "T'ia marrësh dokumentet, paratë ose telefonin është kontroll, dhe kontrolli shpesh "
            "vjen i pari.",
            "Dhuna nuk janë vetëm mavijosjet. T'i marrësh një gruaje dokumentet, paratë ose "
            "telefonin është kontroll. #16Days",
            "",
        ),
        (
            "Gjuha hap derën",
            "Mësoni në cilat gjuhë shërbimi për gratë në zonën tuaj mund të ofrojë përkthyes. "
            "Nëse punoni në një shërbim, shkruajeni në derë dhe në fletëpalosje, në ato gjuhë.",
            "Një shërbim që flet vetëm një gjuhë është i mbyllur për shumë gra. Të kërkosh "
            "përkthyes është e drejta jote. #16Days",
            "",
        ),
        (
            "Mbrojtje pa kushte",
            "Lexoni çfarë thotë Konventa e Stambollit: gratë mbrohen pa diskriminim, pavarësisht "
            "statusit të tyre si migrante apo refugjate (nenet 4 dhe 59). Ndajeni me një kolege "
            "ose koleg në recepsion.",
            "Mbrojtja nga dhuna nuk varet nga dokumentet. #IstanbulConvention #16Days",
            '<p><a href="https://www.coe.int/en/web/istanbul-convention">Konventa e Stambollit '
            "(Këshilli i Evropës)</a></p>",
        ),
        (
            "Falënderoni një mbrojtëse",
            "29 nëntori është Dita Ndërkombëtare e Grave Mbrojtëse të të Drejtave të Njeriut. "
            "Falënderoni një grua që ngrihet për të tjerat: një mentore, një punonjëse strehe, "
            "një përkthyese.",
            "Faleminderit çdo gruaje që ngrihet për gratë e tjera. #WHRD #16Days",
            "",
        ),
        (
            "Mentoret ndërtojnë ura",
            "Lexoni si gratë migrante të trajnuara si mentore në komunitet e shoqërojnë një grua "
            "në takimin e saj të parë, i shpjegojnë si funksionon një shërbim dhe qëndrojnë "
            "pranë saj.",
            "Mentoret e komunitetit i shoqërojnë gratë te shërbimet që u duhen. "
            "#CommunityLinkage #16Days",
            "",
        ),
        (
            "Shëndetësia e sheh e para",
            "Punonjës shëndetësorë: pyeteni çdo grua, vetëm dhe veçmas, nëse ndihet e sigurt në "
            "shtëpi. Nëse i duhet përkthyes, thërrisni një profesional.",
            "Një pyetje nga një mjeke ose një infermier mund të hapë derën e ndihmës. Pyesni "
            "veçmas. #16Days",
            "",
        ),
        (
            "Trafikimi dhe shfrytëzimi",
            "2 dhjetori është Dita Ndërkombëtare për Heqjen e Skllavërisë. Mësoni shenjat e "
            "shfrytëzimit të grave që punojnë në shtëpi, në ara dhe në kujdes: dokumente të "
            "marra, borxhe, asnjë ditë pushimi.",
            "Gratë që pastrojnë, kujdesen dhe korrin për ne duhet të jenë të lira dhe të "
            "sigurta. #EndTrafficking #16Days",
            "",
        ),
        (
            "Gratë me aftësi të kufizuara",
            "3 dhjetori është Dita Ndërkombëtare e Personave me Aftësi të Kufizuara. Kontrolloni "
            "që shërbimi juaj të jetë i qasshëm: hyrje pa shkallë, informacion i lehtë për t'u "
            "lexuar, gjuhë e shenjave me kërkesë.",
            "Gratë me aftësi të kufizuara përjetojnë më shpesh dhunë dhe arrijnë më rrallë te "
            "ndihma. Bëjeni shërbimin tuaj të qasshëm. #16Days",
            "",
        ),
        (
            "E sigurt në internet",
            "Kontrolloni telefonin me një shoqe të besuar: ndarjen e vendndodhjes, llogaritë e "
            "përbashkëta, aplikacionet që nuk i keni instaluar ju. Të përgjosh një grua përmes "
            "telefonit të saj është dhunë.",
            "Të kontrollosh një grua përmes telefonit të saj është dhunë. #16Days #DigitalViolence",
            "",
        ),
        (
            "Vullnetarizëm në komunitetin tuaj",
            "5 dhjetori është Dita Ndërkombëtare e Vullnetarëve. Pyetni një organizatë grash "
            "pranë jush për çfarë ka nevojë: shoqërim në takime, përkthim fletëpalosjesh, kujdes "
            "për fëmijët gjatë seancave.",
            "Dhurojini një orë një organizate grash pranë jush. #IVD #16Days",
            "",
        ),
        (
            "Burrat si aleatë",
            "Burra: flisni me burra të tjerë për respektin dhe kontrollin. Mos heshtni kur një "
            "shaka e bën dhunën të duket normale.",
            "Respekt do të thotë pa kontroll dhe pa dhunë. Burra, mos heshtni. #16Days",
            "",
        ),
        (
            "Fëmijët dhe nënat e tyre",
            "Mësues dhe punonjëse sociale: dijeni ku ta referoni një fëmijë që jeton me dhunë, "
            "dhe si ta mbështetni nënën pa e vënë në rrezik.",
            "Të mbrosh një fëmijë do të thotë të mbështetësh edhe nënën. #16Days",
            "",
        ),
        (
            "Ta tregojë vetëm një herë",
            "Shërbime: bini dakord me një institucion tjetër si ta referoni një grua, që ajo ta "
            "tregojë historinë e saj një herë, jo pesë herë.",
            "Një grua duhet ta tregojë historinë e saj një herë, jo pesë herë. Shërbime, "
            "punoni së bashku. #16Days",
            "",
        ),
        (
            "Histori të ndara me pëlqim",
            "Lexoni historitë në këtë faqe, të ndara me pëlqimin e grave që i treguan. Dërgoni "
            "një mesazh solidariteti; mos ndani kurrë emrin, foton apo të dhënat e një të "
            "mbijetuare.",
            "Solidaritet, kurrë ekspozim: ndani mesazhe, kurrë të dhënat e një të mbijetuare. "
            "#16Days",
            "",
        ),
        (
            "Të drejtat e grave janë të drejta të njeriut",
            "10 dhjetori është Dita e të Drejtave të Njeriut. Merrni një zotim, na tregoni çfarë "
            "do të bëni vitin e ardhshëm dhe ejani në një debat publik pranë jush.",
            "Të drejtat e grave janë të drejta të njeriut, çdo ditë të vitit. Unë kam marrë "
            "zotimin tim. #16Days #HumanRightsDay",
            "",
        ),
    ],
    "stories": [],
}

COALITION = {
    "title": "STOP trafikimit dhe dhunës ndaj grave dhe vajzave",
    "theme": "Mbrojtja nuk ndalet në kufi",
    "intro": (
        "Pesë organizata të shoqërisë civile në Shqipëri, Bosnje e Hercegovinë, Kosovë, "
        "Maqedoni të Veriut dhe Serbi bëjnë fushatë së bashku gjatë 16 ditëve për gratë dhe "
        "fëmijët në lëvizje: kundër trafikimit, për mbrojtje dhe për ligje që zbatohen."
    ),
    "key_messages": [
        "Gratë dhe fëmijët në lëvizje nuk janë mall për t'u tregtuar. Trafikimi është krim "
        "kundër tyre, kurrë i kryer prej tyre.",
        "Një viktimë e trafikimit është para së gjithash viktimë: mbrojtja dhe mbështetja "
        "vijnë para çdo pyetjeje për dokumentet.",
        "Pesë vende, një koalicion: policia, shërbimet kufitare, gjykatat, shërbimet sociale "
        "dhe shoqëria civile duhet të punojnë sipas të njëjtit plan.",
        "Kërkojmë nga çdo qeveri një strategji kombëtare kundër trafikimit dhe dhunës me bazë "
        "gjinore, të financuar dhe të monitoruar.",
    ],
    "days": {
        1: (
            "Pesë kryeqytete, një mesazh",
            "Koalicioni e hap fushatën në Tiranë, Sarajevë, Prishtinë, Shkup dhe Beograd. Merrni "
            "një zotim në faqen e vendit tuaj.",
            "Mbrojtja nuk ndalet në kufi. Jam me gratë dhe fëmijët në lëvizje. #16Days "
            "#STOPtrafficking",
            "",
        ),
        8: (
            "Njihni shenjat e trafikimit",
            "2 dhjetori është Dita Ndërkombëtare për Heqjen e Skllavërisë. Mësoni shenjat: një "
            "person që nuk i mban vetë dokumentet, ka një borxh që nuk mund ta shlyejë ose nuk "
            "është kurrë vetëm.",
            "Trafikimi fshihet para syve tanë. Mësoni shenjat. #EndSlavery #16Days",
            "",
        ),
        14: (
            "Debat publik në Beograd",
            "Vendimmarrësit dhe koalicioni debatojnë për reformat ligjore që rajoni ende i ka të "
            "nevojshme. Ejani, bëni pyetjen tuaj ose ndiqni përmbledhjen në këtë faqe.",
            "Ligjet kundër trafikimit duhet të zbatohen, jo vetëm të miratohen. #16Days "
            "#STOPtrafficking",
            "",
        ),
        16: (
            "Zotimet tona për qeveritë",
            "Në Ditën e të Drejtave të Njeriut, çdo partner ua dorëzon zotimet e vendit të tij "
            "ministrive përgjegjëse, bashkë me rekomandimet e koalicionit.",
            "Në Ditën e të Drejtave të Njeriut, zotimet tona shkojnë te qeveritë e pesë "
            "vendeve. #16Days #HumanRightsDay",
            "",
        ),
    },
}

PARTNERS = {
    "albania": {
        "title": "Shqipëria",
        "organisation": "Koalicioni STOP, Shqipëri",
        "intro": (
            "Në Tiranë dhe Shkodër, partneri shqiptar i koalicionit punon me policinë kufitare "
            "dhe shërbimet sociale për referimin e grave dhe fëmijëve në lëvizje."
        ),
    },
    "kosovo": {
        "title": "Kosova",
        "organisation": "Koalicioni STOP, Kosovë",
        "intro": (
            "Partneri i koalicionit në Kosovë bashkon mekanizmat komunalë të koordinimit dhe "
            "shoqërinë civile rreth një plani kundër trafikimit."
        ),
    },
}
