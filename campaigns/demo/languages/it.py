"""Italian: CommunityLinkage's 16 Days (its partner works in Palermo)."""

INDEX = {
    "title": "Campagne",
    "intro": (
        "<p>Le campagne dei programmi: i 16 giorni di attivismo contro la violenza di genere, "
        "campagne nazionali e coalizioni tra paesi. Leggi le azioni di ogni giorno, trova un "
        "dibattito pubblico vicino a te e prendi un impegno.</p>"
    ),
}

SECTIONS = {"communitylinkage": "CommunityLinkage: donne migranti come mentori di comunità"}

SIXTEEN_DAYS = {
    "title": "16 giorni di attivismo {year}",
    "theme": "Ogni donna, in ogni lingua: un sostegno che arrivi alle donne migranti",
    "intro": (
        "Dal 25 novembre al 10 dicembre, donne migranti formate come mentori di comunità e "
        "le professioniste e i professionisti che formano in Spagna, Italia, Grecia e "
        "Slovenia mostrano come i servizi contro la violenza di genere possano raggiungere "
        "ogni donna, qualunque lingua parli."
    ),
    "key_messages": [
        "Ogni donna ha diritto alla protezione dalla violenza e al sostegno, qualunque sia la "
        "sua lingua o la sua situazione di soggiorno.",
        "Nessuna donna dovrebbe aver bisogno del partner, di un parente o di suo figlio come "
        "interprete quando chiede aiuto.",
        "Le donne migranti non sono solo persone da aiutare: come mentori di comunità mettono "
        "in contatto le donne con i servizi e formano i professionisti.",
        "Professionisti: chiedete in privato, ascoltate, credetele e offrite un interprete "
        "professionale.",
        "Aiutaci a raggiungere 15.000 persone: condividi un'azione del giorno e prendi un impegno.",
    ],
    "help_heading": "Se hai bisogno di aiuto adesso",
    "help_text": (
        "<p>In caso di pericolo immediato chiama il 112, gratuito in tutti i paesi dell'UE. I "
        "numeri di aiuto qui sotto sono riservati e molti possono coinvolgere un "
        "interprete.</p>"
    ),
    "hero_alt": (
        "Illustrazione in arancione: una fila di donne di età diverse, una accanto all'altra, "
        "alcune con il velo, sotto le parole 16 Days."
    ),
    "days": [
        (
            "Coloriamo il mondo di arancione",
            "Indossa oggi qualcosa di arancione e spiega a una persona perché. Le mentori di "
            "comunità illuminano di arancione le finestre dei centri di comunità a Barcellona, "
            "Palermo, Atene e Capodistria: mandaci una foto, senza volti.",
            "Oggi, Giornata internazionale per l'eliminazione della violenza contro le donne, "
            "mi vesto di arancione per ogni donna, in ogni lingua. #16Days #OrangeTheWorld",
            "<p>Il manifesto della campagna e le immagini per i social sono tra i materiali di "
            "questa pagina.</p>",
        ),
        (
            "Riconoscere i segnali",
            "Impara le forme che la violenza assume: fisica, sessuale, psicologica, economica e "
            "digitale. Toglierle i documenti, il denaro o il telefono è controllo, e il "
            "controllo spesso viene prima.",
            "La violenza non sono solo lividi. Togliere a una donna i documenti, il denaro o il "
            "telefono è controllo. #16Days",
            "",
        ),
        (
            "La lingua apre la porta",
            "Scopri in quali lingue il servizio per le donne della tua zona può offrire un "
            "interprete. Se lavori in un servizio, scrivilo sulla porta e nei volantini, in "
            "quelle lingue.",
            "Un servizio che parla una sola lingua è chiuso a molte donne. Chiedere un "
            "interprete è un tuo diritto. #16Days",
            "",
        ),
        (
            "Protezione senza condizioni",
            "Leggi che cosa dice la Convenzione di Istanbul: le donne sono protette senza "
            "discriminazioni, qualunque sia il loro status di migranti o di rifugiate (articoli "
            "4 e 59). Condividilo con una collega o un collega dello sportello.",
            "La protezione dalla violenza non dipende dai documenti. #IstanbulConvention #16Days",
            '<p><a href="https://www.coe.int/en/web/istanbul-convention">La Convenzione di '
            "Istanbul (Consiglio d'Europa)</a></p>",
        ),
        (
            "Ringrazia una difensora",
            "Il 29 novembre è la Giornata internazionale delle donne difensore dei diritti "
            "umani. Ringrazia una donna che si batte per le altre: una mentore, un'operatrice "
            "di una casa rifugio, un'interprete.",
            "Grazie a ogni donna che si batte per le altre donne. #WHRD #16Days",
            "",
        ),
        (
            "Le mentori costruiscono ponti",
            "Leggi come le donne migranti formate come mentori di comunità accompagnano una "
            "donna al suo primo appuntamento, le spiegano come funziona un servizio e restano "
            "al suo fianco.",
            "Le mentori di comunità accompagnano le donne fino ai servizi di cui hanno bisogno. "
            "#CommunityLinkage #16Days",
            "",
        ),
        (
            "La sanità lo vede per prima",
            "Operatori sanitari: chiedete a ogni donna, da sola e in privato, se si sente al "
            "sicuro a casa. Se ha bisogno di un interprete, chiamatene uno professionale.",
            "Una domanda di una medica o di un infermiere può aprire la porta all'aiuto. Chiedi "
            "in privato. #16Days",
            "",
        ),
        (
            "Tratta e sfruttamento",
            "Il 2 dicembre è la Giornata internazionale per l'abolizione della schiavitù. "
            "Impara a riconoscere lo sfruttamento delle donne che lavorano nelle case, nei "
            "campi e nella cura: documenti trattenuti, debiti, nessun giorno libero.",
            "Le donne che puliscono, curano e raccolgono per noi devono essere libere e al "
            "sicuro. #EndTrafficking #16Days",
            "",
        ),
        (
            "Donne con disabilità",
            "Il 3 dicembre è la Giornata internazionale delle persone con disabilità. Verifica "
            "che il tuo servizio sia accessibile: ingresso senza gradini, informazioni facili "
            "da leggere, lingua dei segni su richiesta.",
            "Le donne con disabilità subiscono più violenza e arrivano meno all'aiuto. Rendi "
            "accessibile il tuo servizio. #16Days",
            "",
        ),
        (
            "Sicura online",
            "Controlla il telefono con un'amica di cui ti fidi: posizione condivisa, account "
            "condivisi, app che non hai installato tu. Sorvegliare una donna attraverso il suo "
            "telefono è violenza.",
            "Controllare una donna attraverso il suo telefono è violenza. #16Days #DigitalViolence",
            "",
        ),
        (
            "Volontariato nella tua comunità",
            "Il 5 dicembre è la Giornata internazionale del volontariato. Chiedi a "
            "un'associazione di donne vicino a te di che cosa ha bisogno: compagnia agli "
            "appuntamenti, volantini tradotti, custodia dei bambini durante gli incontri.",
            "Regala un'ora a un'associazione di donne vicino a te. #IVD #16Days",
            "",
        ),
        (
            "Uomini alleati",
            "Uomini: parlate con altri uomini di rispetto e di controllo. Intervenite quando "
            "una battuta fa sembrare normale la violenza.",
            "Rispetto vuol dire niente controllo e niente violenza. Uomini, intervenite. #16Days",
            "",
        ),
        (
            "I bambini e le loro madri",
            "Insegnanti e assistenti sociali: sappiate a chi segnalare un bambino che vive "
            "nella violenza, e come sostenere la madre senza metterla in pericolo.",
            "Proteggere un bambino significa sostenere anche la madre. #16Days",
            "",
        ),
        (
            "Raccontarlo una volta sola",
            "Servizi: concordate con un altro ente come inviare una donna, così che racconti la "
            "sua storia una volta, non cinque.",
            "Una donna dovrebbe raccontare la sua storia una volta, non cinque. Servizi, "
            "lavorate insieme. #16Days",
            "",
        ),
        (
            "Storie condivise con il consenso",
            "Leggi le storie di questa pagina, condivise con il consenso delle donne che le "
            "hanno raccontate. Manda un messaggio di solidarietà; non condividere mai il nome, "
            "la foto o i dati di una sopravvissuta.",
            "Solidarietà, mai esposizione: condividi messaggi, mai i dati di una sopravvissuta. "
            "#16Days",
            "",
        ),
        (
            "I diritti delle donne sono diritti umani",
            "Il 10 dicembre è la Giornata dei diritti umani. Prendi un impegno, raccontaci che "
            "cosa farai l'anno prossimo e partecipa a un dibattito pubblico vicino a te.",
            "I diritti delle donne sono diritti umani, ogni giorno dell'anno. Io mi sono "
            "impegnata. #16Days #HumanRightsDay",
            "",
        ),
    ],
    "stories": [
        (
            "Ha chiesto un interprete, ed è tornata",
            "Una donna è venuta a due incontri di mentoring dicendo poco. Al terzo ha chiesto "
            "se al centro di salute c'erano interpreti nella sua lingua. La sua mentore è "
            "andata con lei a chiederlo. Ora ci va da sola, e ha detto ad altre donne che "
            "possono chiederlo anche loro.",
            "Una mentore di comunità",
        ),
        (
            "Che cosa le mentori hanno insegnato al nostro sportello",
            "Lavoravo da anni allo sportello di un servizio sociale. Nella formazione tenuta da "
            "due mentori migranti ho capito perché alcune donne se ne andavano prima "
            "dell'appuntamento: le nostre lettere erano in una sola lingua e a fare da "
            "interprete era sempre un parente. Abbiamo cambiato entrambe le cose.",
            "Un'assistente sociale formata dalle mentori di comunità",
        ),
    ],
}
