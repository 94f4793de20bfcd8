"""The demo's navigation-level pages in every language but English: the home page, About,
Privacy, the course catalogue and the events listing (``linkage_demo`` publishes them
through wagtail-localize, marked as machine-assisted, so they await a native speaker's
review in its editor). Every other page stays an alias of its English original.

Each language maps the English segments (demo_data.py, and the catalogue's and the
listing's own titles and introductions from the courses and events demos) to its text.
``{exit}`` and ``{my}`` stand for the interface's own "Exit this page" and "My Linkage",
so the pages name the button and the menu as the visitor sees them.

Slugs: translated (ASCII) in the languages written in Latin script; English in the others,
whose slugs would be percent-encoded in every address that is copied or printed.
"""

from django.utils import translation

from . import demo_data as en

# The English of the catalogue and the listing, as the courses and events demos write them.
COURSES_TITLE = "Courses"
COURSES_INTRO = (
    "Courses for every sector of a coordinated response to violence against women, and for "
    "community mentors. Learn at your own pace or with a cohort, in your language where the "
    "course is translated, and earn a certificate anyone can verify."
)
EVENTS_TITLE = "Events and study visits"
EVENTS_INTRO = (
    "Trainings, coordination-mechanism meetings, conferences, public debates, webinars and "
    "study visits of the programmes. Times are shown in each event's own time zone; add an "
    "event, or a whole filtered list, to your calendar."
)

ORDER = [
    en.HOME_TITLE,
    en.HOME_INTRO,
    en.SIXTEEN_DAYS,
    en.SIXTEEN_DAYS_TEXT,
    en.ABOUT_TITLE,
    en.ABOUT_INTRO,
    en.ABOUT_WHO,
    en.ABOUT_WHAT,
    en.SAFETY_HEADING,
    en.SAFETY_TEXT,
    en.PRIVACY_TITLE,
    en.PRIVACY_INTRO,
    en.PRIVACY_KEPT,
    en.PRIVACY_OPTIONAL,
    en.PRIVACY_ANONYMOUS,
    en.PRIVACY_YOURS,
    COURSES_TITLE,
    COURSES_INTRO,
    EVENTS_TITLE,
    EVENTS_INTRO,
]
SLUGS = ["about", "privacy", "courses", "events"]

# Per language: the texts in ORDER's order, then the slugs in SLUGS' order.
_TEXTS: dict[str, tuple[list[str], list[str]]] = {
    "lt": (
        [
            "Linkage",
            "Mokymai ir koordinavimas visiems, kurie reaguoja į smurtą dėl lyties.",
            "16 aktyvizmo dienų, lapkričio 25 – gruodžio 10 d.",
            "Kartu kampaniją vykdo koordinavimo mechanizmai septyniose Kosovo savivaldybėse, "
            "specializuotos pagalbos centrai aštuoniuose Lietuvos regionuose ir penkių Vakarų "
            "Balkanų šalių koalicija. Prisijunkite prie viešos diskusijos ar mokymų netoli "
            "jūsų.",
            "Apie Linkage",
            "Viena vieta mokytis ir koordinuoti atsaką į smurtą prieš moteris.",
            "Linkage suburia organizacijas, kurios reaguoja į smurtą dėl lyties: policiją, "
            "sveikatos priežiūros ir socialines tarnybas, teisingumo ir švietimo įstaigas, "
            "prieglaudas ir NVO, vietos valdžią bei mentorius iš migrančių moterų "
            "bendruomenių.",
            "Specialistai mokosi kursuose ir gauna pažymėjimus; bendruomenių mentoriai turi "
            "savo mokymosi kelią; organizatoriai skelbia mokymus, koordinavimo susitikimus ir "
            "studijų vizitus, o programos pažangą rėmėjams praneša tik anoniminėmis "
            "suvestinėmis.",
            "Jūsų saugumas – svarbiausia",
            "Norėdami iškart išeiti iš šios svetainės, spustelėkite mygtuką <b>{exit}</b> "
            "arba tris kartus paspauskite Shift.",
            "Privatumas",
            "Ką Linkage saugo apie jus, kodėl ir ką galite dėl to padaryti.",
            "Saugome tai, ko reikia darbui: jūsų el. pašto adresą, vardą taip, kaip norite, "
            "kad jis būtų įrašytas pažymėjimuose, jūsų organizaciją, sektorių, šalį, regioną "
            "ir kalbas, taip pat tai, ką čia darote: jūsų kursus ir pažangą, renginius, į "
            "kuriuos registruojatės, su atsakymais į jų klausimus, dalyvavimą ir pažymėjimus.",
            "Klausimai apie lytį, amžiaus grupę ir migracinę kilmę neprivalomi: jie "
            "užduodami tik gavus jūsų sutikimą, kurį bet kada galite atšaukti, o atsakymai "
            "naudojami tik statistikoje, kurioje maži skaičiai paslėpti.",
            "Pagalba nukentėjusiems asmenims registruojama tik anoniminiais skaičiais, niekada "
            "– apie konkretų žmogų. Organizatoriai mato tik tuos žmones, kurie dalyvauja jų "
            "pačių programoje.",
            "Viską, ką apie jus saugome, galite atsisiųsti, o savo paskyrą – ištrinti skiltyje "
            "„{my}“.",
            "Kursai",
            "Kursai visų sektorių specialistams, koordinuotai reaguojantiems į smurtą prieš "
            "moteris, ir bendruomenių mentoriams. Mokykitės savo tempu arba su grupe, savo "
            "kalba, jei kursas išverstas, ir gaukite pažymėjimą, kurio tikrumą gali patikrinti "
            "bet kas.",
            "Renginiai ir studijų vizitai",
            "Programų mokymai, koordinavimo mechanizmų susitikimai, konferencijos, viešos "
            "diskusijos, internetiniai seminarai ir studijų vizitai. Laikas rodomas pagal "
            "kiekvieno renginio laiko juostą; įtraukite renginį arba visą atrinktą sąrašą į "
            "savo kalendorių.",
        ],
        ["apie", "privatumas", "kursai", "renginiai"],
    ),
    "sq": (
        [
            "Linkage",
            "Mësim dhe koordinim për të gjithë ata që i përgjigjen dhunës me bazë gjinore.",
            "16 ditë aktivizmi, 25 nëntor – 10 dhjetor",
            "Mekanizmat e koordinimit në shtatë komuna të Kosovës, qendrat e specializuara të "
            "ndihmës në tetë rajone të Lituanisë dhe një koalicion i pesë vendeve të Ballkanit "
            "Perëndimor bëjnë fushatë së bashku. Merrni pjesë në një debat publik ose në një "
            "trajnim pranë jush.",
            "Rreth Linkage",
            "Një vend i përbashkët për të mësuar dhe për të koordinuar përgjigjen ndaj dhunës "
            "ndaj grave.",
            "Linkage bashkon organizatat që i përgjigjen dhunës me bazë gjinore: policinë, "
            "shërbimet shëndetësore dhe sociale, drejtësinë, arsimin, strehimoret dhe OJQ-të, "
            "qeverisjen vendore, si dhe mentoret e komunitetit nga komunitetet e grave "
            "migrante.",
            "Profesionistët ndjekin kurse dhe marrin certifikata; mentoret e komunitetit kanë "
            "rrugën e tyre të mësimit; organizatorët publikojnë trajnime, takime koordinimi "
            "dhe vizita studimore dhe u raportojnë donatorëve për përparimin e programit, "
            "gjithmonë vetëm me shifra totale anonime.",
            "Siguria juaj vjen e para",
            "Përdorni butonin <b>{exit}</b>, ose shtypni Shift tri herë, për ta lënë "
            "menjëherë këtë faqe.",
            "Privatësia",
            "Çfarë ruan Linkage për ju, pse, dhe çfarë mund të bëni për këtë.",
            "Ruajmë atë që i duhet punës: adresën tuaj të e-mailit, emrin tuaj siç doni të "
            "shfaqet në certifikata, organizatën, sektorin, vendin, rajonin dhe gjuhët tuaja, "
            "si dhe atë që bëni këtu: kurset dhe përparimin tuaj, ngjarjet ku regjistroheni "
            "bashkë me përgjigjet tuaja ndaj pyetjeve të tyre, pjesëmarrjen dhe certifikatat "
            "tuaja.",
            "Pyetjet për gjininë, grupmoshën dhe prejardhjen migrante janë fakultative, bëhen "
            "vetëm me pëlqimin tuaj, të cilin mund ta tërhiqni në çdo kohë, dhe përdoren vetëm "
            "në statistika që fshehin numrat e vegjël.",
            "Mbështetja për personat e mbijetuar regjistrohet vetëm si numërim anonim, kurrë "
            "për një person të caktuar. Organizatorët shohin vetëm njerëzit që marrin pjesë në "
            "programin e tyre.",
            "Te «{my}» mund të shkarkoni gjithçka që ruajmë për ju dhe të fshini llogarinë tuaj.",
            "Kurset",
            "Kurse për çdo sektor të një përgjigjeje të koordinuar ndaj dhunës ndaj grave, dhe "
            "për mentoret e komunitetit. Mësoni me ritmin tuaj ose me një grup, në gjuhën tuaj "
            "kur kursi është përkthyer, dhe merrni një certifikatë që çdokush mund ta "
            "verifikojë.",
            "Ngjarje dhe vizita studimore",
            "Trajnime, takime të mekanizmave të koordinimit, konferenca, debate publike, "
            "webinare dhe vizita studimore të programeve. Oraret shfaqen sipas zonës kohore të "
            "secilës ngjarje; shtoni një ngjarje, ose një listë të tërë të filtruar, në "
            "kalendarin tuaj.",
        ],
        ["rreth", "privatesia", "kurset", "ngjarje"],
    ),
    "sr-latn": (
        [
            "Linkage",
            "Učenje i koordinacija za sve koji odgovaraju na rodno zasnovano nasilje.",
            "16 dana aktivizma, od 25. novembra do 10. decembra",
            "Mehanizmi za koordinaciju u sedam opština na Kosovu, specijalizovani centri za "
            "pomoć u osam regiona Litvanije i koalicija pet zemalja Zapadnog Balkana zajedno "
            "vode kampanju. Pridružite se javnoj debati ili obuci u vašoj blizini.",
            "O platformi Linkage",
            "Jedno mesto za učenje i koordinaciju odgovora na nasilje nad ženama.",
            "Linkage okuplja organizacije koje odgovaraju na rodno zasnovano nasilje: "
            "policiju, zdravstvene i socijalne službe, pravosuđe, obrazovanje, sigurne kuće i "
            "nevladine organizacije, lokalnu samoupravu i mentorke iz zajednica žena "
            "migrantkinja.",
            "Stručnjaci pohađaju kurseve i dobijaju sertifikate; mentori iz zajednice imaju "
            "sopstveni put učenja; organizatori objavljuju obuke, koordinacione sastanke i "
            "studijske posete i izveštavaju donatore o napretku programa, uvek samo kroz "
            "anonimne zbirne podatke.",
            "Vaša bezbednost je na prvom mestu",
            "Kliknite na dugme <b>{exit}</b> ili tri puta pritisnite Shift da biste odmah "
            "napustili ovaj sajt.",
            "Privatnost",
            "Šta Linkage čuva o vama, zašto i šta možete da učinite povodom toga.",
            "Čuvamo ono što je potrebno za rad: vašu adresu e-pošte, vaše ime onako kako "
            "želite da piše na sertifikatima, vašu organizaciju, sektor, zemlju, region i "
            "jezike, kao i ono što ovde radite: vaše kurseve i napredak, događaje za koje se "
            "prijavite sa odgovorima na njihova pitanja, vaše prisustvo i sertifikate.",
            "Pitanja o rodu, starosnoj grupi i migrantskom poreklu nisu obavezna, postavljaju "
            "se samo uz vaš pristanak, koji možete povući u bilo kom trenutku, i koriste se "
            "samo u statistici koja skriva male brojeve.",
            "Podrška osobama koje su preživele nasilje beleži se samo kao anonimni broj, nikada "
            "o pojedincu. Organizatori vide samo ljude koji učestvuju u njihovom programu.",
            "U odeljku „{my}“ možete preuzeti sve što čuvamo o vama i izbrisati svoj nalog.",
            "Kursevi",
            "Kursevi za svaki sektor koordinisanog odgovora na nasilje nad ženama i za mentore "
            "iz zajednice. Učite svojim tempom ili sa grupom, na svom jeziku kada je kurs "
            "preveden, i dobijte sertifikat koji svako može da proveri.",
            "Događaji i studijske posete",
            "Obuke, sastanci koordinacionih mehanizama, konferencije, javne debate, vebinari i "
            "studijske posete u okviru programa. Vreme je prikazano u vremenskoj zoni svakog "
            "događaja; dodajte događaj, ili ceo filtrirani spisak, u svoj kalendar.",
        ],
        ["o-nama", "privatnost", "kursevi", "dogadjaji"],
    ),
    "ar": (
        [
            "Linkage",
            "التعلّم والتنسيق لكل من يستجيب للعنف القائم على النوع الاجتماعي.",
            "16 يومًا من النشاط، من 25 نوفمبر إلى 10 ديسمبر",
            "تنظّم آليات التنسيق في سبع بلديات في كوسوفو، ومراكز المساعدة المتخصصة في ثماني "
            "مناطق في ليتوانيا، وتحالف من خمس دول في غرب البلقان حملة مشتركة. انضموا إلى نقاش "
            "عام أو تدريب قريب منكم.",
            "عن Linkage",
            "مكان واحد للتعلّم ولتنسيق الاستجابة للعنف ضد المرأة.",
            "تجمع Linkage الجهات التي تستجيب للعنف القائم على النوع الاجتماعي: الشرطة، والخدمات "
            "الصحية والاجتماعية، والقضاء، والتعليم، ودور الإيواء والمنظمات غير الحكومية، "
            "والسلطات المحلية، والمرشدات المجتمعيات من مجتمعات النساء المهاجرات.",
            "يتابع المهنيون دورات ويحصلون على شهادات، وللمرشدين المجتمعيين مسارهم الخاص، وينشر "
            "المنظمون التدريبات واجتماعات التنسيق والزيارات الدراسية ويبلّغون الجهات المانحة "
            "بتقدّم البرنامج، دائمًا كمجاميع مجهولة الهوية فقط.",
            "سلامتك أولًا",
            "استخدمي زر <b>{exit}</b>، أو اضغطي على Shift ثلاث مرات، لمغادرة هذا الموقع فورًا.",
            "الخصوصية",
            "ما تحتفظ به Linkage عنك، ولماذا، وما يمكنك فعله بشأنه.",
            "نحتفظ بما يتطلبه العمل: عنوان بريدك الإلكتروني، واسمك كما تريد أن يظهر على "
            "الشهادات، ومنظمتك وقطاعك وبلدك ومنطقتك ولغاتك، وما تقوم به هنا: دوراتك وتقدّمك "
            "فيها، والفعاليات التي تسجّل فيها مع إجاباتك عن أسئلتها، وحضورك وشهاداتك.",
            "الأسئلة عن الجنس والفئة العمرية والخلفية المهاجرة اختيارية، ولا تُطرح إلا بموافقتك "
            "التي يمكنك سحبها في أي وقت، ولا تُستخدم إلا في إحصاءات تُخفي الأعداد الصغيرة.",
            "يُسجَّل الدعم المقدَّم للناجيات والناجين كأعداد مجهولة الهوية فقط، ولا يُسجَّل أبدًا "
            "عن شخص بعينه. لا يرى المنظمون إلا الأشخاص المشاركين في برنامجهم.",
            "يمكنك من «{my}» تنزيل كل ما نحتفظ به عنك وحذف حسابك.",
            "الدورات",
            "دورات لكل قطاع من قطاعات الاستجابة المنسّقة للعنف ضد المرأة، وللمرشدين "
            "المجتمعيين. تعلّم بالسرعة التي تناسبك أو مع مجموعة، وبلغتك عندما تكون الدورة "
            "مترجمة، واحصل على شهادة يمكن لأي شخص التحقق منها.",
            "الفعاليات والزيارات الدراسية",
            "تدريبات واجتماعات آليات التنسيق ومؤتمرات ونقاشات عامة وندوات عبر الإنترنت وزيارات "
            "دراسية ضمن البرامج. تُعرض الأوقات بالمنطقة الزمنية لكل فعالية؛ أضف فعالية، أو "
            "قائمة مصفّاة كاملة، إلى تقويمك.",
        ],
        SLUGS,
    ),
    "es": (
        [
            "Linkage",
            "Formación y coordinación para todas las personas que responden a la violencia de "
            "género.",
            "16 días de activismo, del 25 de noviembre al 10 de diciembre",
            "Los mecanismos de coordinación de siete municipios de Kosovo, los centros de "
            "ayuda especializada de ocho regiones de Lituania y una coalición de cinco países "
            "de los Balcanes Occidentales hacen campaña juntos. Participa en un debate público "
            "o en una formación cerca de ti.",
            "Acerca de Linkage",
            "Un lugar común para aprender y coordinar la respuesta a la violencia contra las "
            "mujeres.",
            "Linkage reúne a las organizaciones que responden a la violencia de género: "
            "policía, servicios sanitarios y sociales, justicia, educación, casas de acogida y "
            "ONG, administraciones locales y mentoras comunitarias de comunidades de mujeres "
            "migrantes.",
            "Las y los profesionales hacen cursos y obtienen certificados; las mentoras "
            "comunitarias siguen su propio itinerario; las entidades organizadoras publican "
            "formaciones, reuniones de coordinación y visitas de estudio e informan a los "
            "financiadores del avance del programa, siempre solo con totales anónimos.",
            "Tu seguridad es lo primero",
            "Usa el botón <b>{exit}</b>, o pulsa tres veces la tecla Mayús (Shift), para salir "
            "de este sitio de inmediato.",
            "Privacidad",
            "Qué guarda Linkage sobre ti, por qué y qué puedes hacer al respecto.",
            "Guardamos lo que el trabajo necesita: tu dirección de correo electrónico, tu "
            "nombre tal como quieres que aparezca en los certificados, tu organización, "
            "sector, país, región e idiomas, y lo que haces aquí: tus cursos y tu progreso, "
            "los eventos en los que te inscribes con tus respuestas a sus preguntas, tu "
            "asistencia y tus certificados.",
            "Las preguntas sobre género, franja de edad y origen migrante son opcionales, solo "
            "se hacen con tu consentimiento, que puedes retirar en cualquier momento, y solo "
            "se usan en estadísticas que ocultan las cifras pequeñas.",
            "La atención a supervivientes se registra solo como recuentos anónimos, nunca "
            "sobre una persona. Las entidades organizadoras solo ven a las personas que "
            "participan en su propio programa.",
            "Desde «{my}» puedes descargar todo lo que guardamos sobre ti y eliminar tu cuenta.",
            "Cursos",
            "Cursos para cada sector de una respuesta coordinada a la violencia contra las "
            "mujeres y para mentoras comunitarias. Aprende a tu ritmo o con un grupo, en tu "
            "idioma cuando el curso está traducido, y obtén un certificado que cualquiera "
            "puede verificar.",
            "Eventos y visitas de estudio",
            "Formaciones, reuniones de mecanismos de coordinación, conferencias, debates "
            "públicos, seminarios web y visitas de estudio de los programas. Los horarios se "
            "muestran en la zona horaria de cada evento; añade un evento, o toda una lista "
            "filtrada, a tu calendario.",
        ],
        ["acerca-de", "privacidad", "cursos", "eventos"],
    ),
    "it": (
        [
            "Linkage",
            "Formazione e coordinamento per chiunque risponda alla violenza di genere.",
            "16 giorni di attivismo, dal 25 novembre al 10 dicembre",
            "I meccanismi di coordinamento di sette comuni del Kosovo, i centri di aiuto "
            "specializzati di otto regioni della Lituania e una coalizione di cinque paesi dei "
            "Balcani occidentali fanno campagna insieme. Partecipa a un dibattito pubblico o a "
            "una formazione vicino a te.",
            "Informazioni su Linkage",
            "Un unico luogo per imparare e coordinare la risposta alla violenza contro le donne.",
            "Linkage riunisce le organizzazioni che rispondono alla violenza di genere: "
            "polizia, servizi sanitari e sociali, giustizia, istruzione, case rifugio e ONG, "
            "enti locali e mentori di comunità provenienti dalle comunità di donne migranti.",
            "I professionisti seguono corsi e ottengono certificati; i mentori di comunità "
            "seguono un proprio percorso; gli organizzatori pubblicano formazioni, riunioni di "
            "coordinamento e visite di studio e riferiscono ai finanziatori i progressi del "
            "programma, sempre e solo come totali anonimi.",
            "La tua sicurezza prima di tutto",
            "Usa il pulsante <b>{exit}</b>, oppure premi tre volte il tasto Maiusc (Shift), "
            "per lasciare subito questo sito.",
            "Privacy",
            "Che cosa conserva Linkage su di te, perché e che cosa puoi fare al riguardo.",
            "Conserviamo ciò che serve al lavoro: il tuo indirizzo e-mail, il tuo nome come "
            "vuoi che compaia sui certificati, la tua organizzazione, il settore, il paese, la "
            "regione e le lingue, e ciò che fai qui: i tuoi corsi e i progressi, gli eventi a "
            "cui ti iscrivi con le risposte alle loro domande, la tua partecipazione e i tuoi "
            "certificati.",
            "Le domande su genere, fascia d'età e background migratorio sono facoltative, "
            "vengono poste solo con il tuo consenso, che puoi revocare in qualsiasi momento, e "
            "sono usate solo in statistiche che nascondono i numeri piccoli.",
            "Il sostegno alle persone sopravvissute viene registrato solo come conteggi "
            "anonimi, mai riferiti a una persona. Gli organizzatori vedono solo le persone che "
            "partecipano al proprio programma.",
            "Da «{my}» puoi scaricare tutto ciò che conserviamo su di te ed eliminare il tuo "
            "account.",
            "Corsi",
            "Corsi per ogni settore di una risposta coordinata alla violenza contro le donne e "
            "per i mentori di comunità. Impara al tuo ritmo o con un gruppo, nella tua lingua "
            "quando il corso è tradotto, e ottieni un certificato che chiunque può verificare.",
            "Eventi e visite di studio",
            "Formazioni, riunioni dei meccanismi di coordinamento, conferenze, dibattiti "
            "pubblici, webinar e visite di studio dei programmi. Gli orari sono indicati nel "
            "fuso orario di ciascun evento; aggiungi un evento, o un intero elenco filtrato, "
            "al tuo calendario.",
        ],
        ["chi-siamo", "privacy", "corsi", "eventi"],
    ),
    "el": (
        [
            "Linkage",
            "Μάθηση και συντονισμός για όλους όσοι ανταποκρίνονται στη βία λόγω φύλου.",
            "16 ημέρες ακτιβισμού, από 25 Νοεμβρίου έως 10 Δεκεμβρίου",
            "Οι μηχανισμοί συντονισμού σε επτά δήμους του Κοσόβου, τα εξειδικευμένα κέντρα "
            "βοήθειας σε οκτώ περιφέρειες της Λιθουανίας και ένας συνασπισμός πέντε χωρών των "
            "Δυτικών Βαλκανίων κάνουν μαζί εκστρατεία. Συμμετέχετε σε μια δημόσια συζήτηση ή "
            "σε μια εκπαίδευση κοντά σας.",
            "Σχετικά με το Linkage",
            "Ένας κοινός χώρος για μάθηση και για συντονισμό της αντιμετώπισης της βίας κατά "
            "των γυναικών.",
            "Το Linkage φέρνει κοντά τους φορείς που ανταποκρίνονται στη βία λόγω φύλου: "
            "αστυνομία, υπηρεσίες υγείας και κοινωνικές υπηρεσίες, δικαιοσύνη, εκπαίδευση, "
            "ξενώνες φιλοξενίας και ΜΚΟ, τοπική αυτοδιοίκηση, καθώς και μέντορες από "
            "κοινότητες μεταναστριών γυναικών.",
            "Οι επαγγελματίες παρακολουθούν μαθήματα και λαμβάνουν πιστοποιητικά· οι "
            "κοινοτικοί μέντορες έχουν τη δική τους διαδρομή· οι διοργανωτές δημοσιεύουν "
            "εκπαιδεύσεις, συναντήσεις συντονισμού και επισκέψεις μελέτης και αναφέρουν την "
            "πρόοδο του προγράμματος στους χρηματοδότες, πάντα μόνο ως ανώνυμα σύνολα.",
            "Η ασφάλειά σας προηγείται",
            "Χρησιμοποιήστε το κουμπί <b>{exit}</b> ή πατήστε τρεις φορές το Shift για να "
            "φύγετε αμέσως από αυτόν τον ιστότοπο.",
            "Απόρρητο",
            "Τι κρατά το Linkage για εσάς, γιατί, και τι μπορείτε να κάνετε γι' αυτό.",
            "Κρατάμε ό,τι χρειάζεται η δουλειά: τη διεύθυνση email σας, το όνομά σας όπως "
            "θέλετε να εμφανίζεται στα πιστοποιητικά, τον φορέα, τον τομέα, τη χώρα, την "
            "περιφέρεια και τις γλώσσες σας, καθώς και ό,τι κάνετε εδώ: τα μαθήματά σας και "
            "την πρόοδό σας, τις εκδηλώσεις στις οποίες εγγράφεστε μαζί με τις απαντήσεις σας "
            "στις ερωτήσεις τους, τη συμμετοχή σας και τα πιστοποιητικά σας.",
            "Οι ερωτήσεις για το φύλο, την ηλικιακή ομάδα και το μεταναστευτικό υπόβαθρο είναι "
            "προαιρετικές, τίθενται μόνο με τη συγκατάθεσή σας, την οποία μπορείτε να "
            "ανακαλέσετε οποιαδήποτε στιγμή, και χρησιμοποιούνται μόνο σε στατιστικά που "
            "αποκρύπτουν τους μικρούς αριθμούς.",
            "Η υποστήριξη σε επιζώσες και επιζώντες καταγράφεται μόνο ως ανώνυμες "
            "καταμετρήσεις, ποτέ για συγκεκριμένο πρόσωπο. Οι διοργανωτές βλέπουν μόνο τα "
            "άτομα που συμμετέχουν στο δικό τους πρόγραμμα.",
            "Από το «{my}» μπορείτε να κατεβάσετε όλα όσα κρατάμε για εσάς και να διαγράψετε "
            "τον λογαριασμό σας.",
            "Μαθήματα",
            "Μαθήματα για κάθε τομέα μιας συντονισμένης αντιμετώπισης της βίας κατά των "
            "γυναικών και για κοινοτικούς μέντορες. Μάθετε με τον δικό σας ρυθμό ή με μια "
            "ομάδα, στη γλώσσα σας όταν το μάθημα είναι μεταφρασμένο, και αποκτήστε ένα "
            "πιστοποιητικό που μπορεί να επαληθεύσει οποιοσδήποτε.",
            "Εκδηλώσεις και επισκέψεις μελέτης",
            "Εκπαιδεύσεις, συναντήσεις μηχανισμών συντονισμού, συνέδρια, δημόσιες συζητήσεις, "
            "διαδικτυακά σεμινάρια και επισκέψεις μελέτης των προγραμμάτων. Οι ώρες "
            "εμφανίζονται στη ζώνη ώρας κάθε εκδήλωσης· προσθέστε μια εκδήλωση, ή ολόκληρη μια "
            "φιλτραρισμένη λίστα, στο ημερολόγιό σας.",
        ],
        SLUGS,
    ),
    "sl": (
        [
            "Linkage",
            "Učenje in usklajevanje za vse, ki se odzivajo na nasilje na podlagi spola.",
            "16 dni aktivizma, od 25. novembra do 10. decembra",
            "Koordinacijski mehanizmi v sedmih kosovskih občinah, specializirani centri za "
            "pomoč v osmih litovskih regijah in koalicija petih držav Zahodnega Balkana skupaj "
            "vodijo kampanjo. Pridružite se javni razpravi ali usposabljanju v vaši bližini.",
            "O platformi Linkage",
            "Skupni prostor za učenje in za usklajevanje odziva na nasilje nad ženskami.",
            "Linkage povezuje organizacije, ki se odzivajo na nasilje na podlagi spola: "
            "policijo, zdravstvene in socialne službe, pravosodje, izobraževanje, varne hiše "
            "in nevladne organizacije, lokalne oblasti ter mentorice iz skupnosti žensk "
            "migrantk.",
            "Strokovnjaki opravljajo tečaje in pridobijo potrdila; mentorice iz skupnosti "
            "imajo svojo pot učenja; organizatorji objavljajo usposabljanja, koordinacijska "
            "srečanja in študijske obiske ter o napredku programa poročajo donatorjem, vedno "
            "le kot anonimne skupne številke.",
            "Vaša varnost je na prvem mestu",
            "Uporabite gumb <b>{exit}</b> ali trikrat pritisnite tipko Shift, da takoj "
            "zapustite to spletno mesto.",
            "Zasebnost",
            "Kaj Linkage hrani o vas, zakaj in kaj lahko glede tega storite.",
            "Hranimo, kar potrebujemo za delo: vaš e-poštni naslov, vaše ime, kot želite, da "
            "je zapisano na potrdilih, vašo organizacijo, sektor, državo, regijo in jezike ter "
            "to, kar počnete tukaj: vaše tečaje in napredek, dogodke, na katere se prijavite, "
            "z odgovori na njihova vprašanja, vašo udeležbo in potrdila.",
            "Vprašanja o spolu, starostni skupini in migrantskem ozadju niso obvezna, "
            "zastavimo jih le z vašo privolitvijo, ki jo lahko kadar koli prekličete, in jih "
            "uporabljamo le v statistiki, ki skriva majhne številke.",
            "Podpora preživelim se beleži le kot anonimno štetje, nikoli o posamezni osebi. "
            "Organizatorji vidijo le ljudi, ki sodelujejo v njihovem programu.",
            "V razdelku »{my}« lahko prenesete vse, kar hranimo o vas, in izbrišete svoj račun.",
            "Tečaji",
            "Tečaji za vsak sektor usklajenega odziva na nasilje nad ženskami in za mentorice "
            "iz skupnosti. Učite se v svojem tempu ali s skupino, v svojem jeziku, kadar je "
            "tečaj preveden, in pridobite potrdilo, ki ga lahko preveri vsakdo.",
            "Dogodki in študijski obiski",
            "Usposabljanja, srečanja koordinacijskih mehanizmov, konference, javne razprave, "
            "spletni seminarji in študijski obiski programov. Časi so prikazani v časovnem "
            "pasu vsakega dogodka; dodajte dogodek ali cel filtriran seznam v svoj koledar.",
        ],
        ["o-nas", "zasebnost", "tecaji", "dogodki"],
    ),
    "mk": (
        [
            "Linkage",
            "Учење и координација за сите што одговараат на родово базираното насилство.",
            "16 дена активизам, од 25 ноември до 10 декември",
            "Механизмите за координација во седум општини во Косово, специјализираните центри "
            "за помош во осум региони во Литванија и коалиција од пет земји од Западен Балкан "
            "заедно водат кампања. Приклучете се на јавна дебата или на обука во ваша близина.",
            "За Linkage",
            "Едно место за учење и за координирање на одговорот на насилството врз жените.",
            "Linkage ги обединува организациите што одговараат на родово базираното "
            "насилство: полицијата, здравствените и социјалните служби, правосудството, "
            "образованието, засолништата и невладините организации, локалната самоуправа и "
            "менторките од заедниците на жени мигрантки.",
            "Професионалците следат курсеви и добиваат сертификати; менторите од заедницата "
            "имаат своја патека; организаторите објавуваат обуки, координативни средби и "
            "студиски посети и ги известуваат донаторите за напредокот на програмата, секогаш "
            "само преку анонимни збирни податоци.",
            "Вашата безбедност е на прво место",
            "Користете го копчето <b>{exit}</b> или притиснете Shift три пати за веднаш да ја "
            "напуштите оваа веб-страница.",
            "Приватност",
            "Што чува Linkage за вас, зошто и што можете да направите во врска со тоа.",
            "Чуваме она што е потребно за работата: вашата адреса за е-пошта, вашето име како "
            "што сакате да стои на сертификатите, вашата организација, сектор, земја, регион и "
            "јазици, како и она што го правите тука: вашите курсеви и напредок, настаните за "
            "кои се пријавувате со вашите одговори на нивните прашања, вашето присуство и "
            "вашите сертификати.",
            "Прашањата за родот, возрасната група и мигрантското потекло се незадолжителни, се "
            "поставуваат само со ваша согласност, која можете да ја повлечете во секое време, "
            "и се користат само во статистики што ги кријат малите бројки.",
            "Поддршката за преживеаните се евидентира само како анонимни бројки, никогаш за "
            "одредена личност. Организаторите ги гледаат само луѓето што учествуваат во нивната "
            "програма.",
            "Во „{my}“ можете да преземете сè што чуваме за вас и да ја избришете вашата сметка.",
            "Курсеви",
            "Курсеви за секој сектор на координираниот одговор на насилството врз жените и за "
            "менторите од заедницата. Учете со свое темпо или во група, на својот јазик кога "
            "курсот е преведен, и добијте сертификат што секој може да го провери.",
            "Настани и студиски посети",
            "Обуки, средби на механизмите за координација, конференции, јавни дебати, вебинари "
            "и студиски посети на програмите. Времето е прикажано во временската зона на "
            "секој настан; додајте настан, или цела филтрирана листа, во својот календар.",
        ],
        SLUGS,
    ),
    "uk": (
        [
            "Linkage",
            "Навчання і координація для всіх, хто реагує на ґендерно зумовлене насильство.",
            "16 днів активізму, з 25 листопада до 10 грудня",
            "Координаційні механізми семи муніципалітетів Косова, спеціалізовані центри "
            "допомоги у восьми регіонах Литви та коаліція п'яти країн Західних Балкан разом "
            "проводять кампанію. Долучайтеся до публічної дискусії чи тренінгу поруч із вами.",
            "Про Linkage",
            "Єдине місце, щоб навчатися й координувати реагування на насильство щодо жінок.",
            "Linkage об'єднує організації, які реагують на ґендерно зумовлене насильство: "
            "поліцію, служби охорони здоров'я та соціальні служби, правосуддя, освіту, притулки "
            "й громадські організації, місцеву владу, а також менторок із громад "
            "жінок-мігранток.",
            "Фахівці проходять курси й отримують сертифікати; ментори громад мають власний "
            "навчальний шлях; організатори публікують тренінги, координаційні зустрічі та "
            "навчальні візити й звітують донорам про поступ програми — завжди лише "
            "анонімними підсумковими цифрами.",
            "Ваша безпека понад усе",
            "Натисніть кнопку <b>{exit}</b> або тричі натисніть Shift, щоб негайно залишити "
            "цей сайт.",
            "Приватність",
            "Що Linkage зберігає про вас, навіщо і що ви можете з цим зробити.",
            "Ми зберігаємо те, що потрібно для роботи: вашу адресу електронної пошти, ваше "
            "ім'я так, як ви хочете бачити його в сертифікатах, вашу організацію, сектор, "
            "країну, регіон і мови, а також те, що ви тут робите: ваші курси й поступ у них, "
            "події, на які ви реєструєтеся, разом із вашими відповідями на їхні запитання, "
            "вашу участь і ваші сертифікати.",
            "Запитання про стать, вікову групу та міграційне походження необов'язкові, "
            "ставляться лише за вашою згодою, яку ви можете будь-коли відкликати, і "
            "використовуються лише в статистиці, що приховує малі числа.",
            "Підтримку постраждалим облічують лише як анонімні підрахунки, ніколи щодо "
            "конкретної особи. Організатори бачать лише людей, які беруть участь у їхній "
            "власній програмі.",
            "У розділі «{my}» ви можете завантажити все, що ми про вас зберігаємо, і видалити "
            "свій обліковий запис.",
            "Курси",
            "Курси для кожного сектору скоординованого реагування на насильство щодо жінок і "
            "для менторів громад. Навчайтеся у власному темпі або з групою, своєю мовою, якщо "
            "курс перекладено, і отримайте сертифікат, який будь-хто може перевірити.",
            "Події та навчальні візити",
            "Тренінги, зустрічі координаційних механізмів, конференції, публічні дискусії, "
            "вебінари й навчальні візити програм. Час показано в часовому поясі кожної події; "
            "додайте подію або весь відфільтрований список до свого календаря.",
        ],
        SLUGS,
    ),
    "fa": (
        [
            "Linkage",
            "یادگیری و هماهنگی برای همه کسانی که به خشونت مبتنی بر جنسیت پاسخ می‌دهند.",
            "۱۶ روز کنشگری، از ۲۵ نوامبر تا ۱۰ دسامبر",
            "سازوکارهای هماهنگی در هفت شهرداری کوزوو، مراکز تخصصی کمک‌رسانی در هشت منطقه "
            "لیتوانی و ائتلافی از پنج کشور بالکان غربی با هم کارزار برگزار می‌کنند. به یک "
            "گفت‌وگوی عمومی یا آموزشی در نزدیکی خود بپیوندید.",
            "درباره Linkage",
            "جایی برای یادگیری و هماهنگ کردن پاسخ به خشونت علیه زنان.",
            "Linkage سازمان‌هایی را که به خشونت مبتنی بر جنسیت پاسخ می‌دهند گرد هم می‌آورد: "
            "پلیس، خدمات بهداشتی و اجتماعی، دستگاه قضایی، آموزش، خانه‌های امن و سازمان‌های "
            "مردم‌نهاد، مدیریت محلی، و منتورهای اجتماعی از جوامع زنان مهاجر.",
            "متخصصان دوره می‌گذرانند و گواهی می‌گیرند؛ منتورهای اجتماعی مسیر ویژه خود را "
            "دارند؛ برگزارکنندگان آموزش‌ها، جلسات هماهنگی و بازدیدهای مطالعاتی را منتشر "
            "می‌کنند و پیشرفت برنامه را به حامیان مالی گزارش می‌دهند، همیشه فقط به صورت آمار "
            "کلی و بی‌نام.",
            "امنیت شما در اولویت است",
            "برای ترک فوری این سایت، از دکمه <b>{exit}</b> استفاده کنید یا سه بار کلید Shift "
            "را بزنید.",
            "حریم خصوصی",
            "Linkage چه چیزهایی از شما نگه می‌دارد، چرا، و شما چه کاری می‌توانید درباره آن "
            "انجام دهید.",
            "ما آنچه را که کار لازم دارد نگه می‌داریم: نشانی ایمیل شما، نامتان آن‌گونه که "
            "می‌خواهید روی گواهی‌ها بیاید، سازمان، بخش، کشور، منطقه و زبان‌هایتان، و آنچه "
            "اینجا انجام می‌دهید: دوره‌ها و پیشرفتتان در آن‌ها، رویدادهایی که در آن‌ها ثبت‌نام "
            "می‌کنید همراه با پاسخ‌هایتان به پرسش‌های آن‌ها، حضورتان و گواهی‌هایتان.",
            "پرسش‌ها درباره جنسیت، گروه سنی و پیشینه مهاجرت اختیاری‌اند، فقط با رضایت شما "
            "پرسیده می‌شوند که هر زمان می‌توانید آن را پس بگیرید، و فقط در آمارهایی به کار "
            "می‌روند که اعداد کوچک را پنهان می‌کنند.",
            "حمایت از بازماندگان فقط به صورت شمارش بی‌نام ثبت می‌شود و هرگز درباره یک فرد "
            "مشخص نیست. برگزارکنندگان فقط کسانی را می‌بینند که در برنامه خودشان شرکت می‌کنند.",
            "از بخش «{my}» می‌توانید هر آنچه درباره شما نگه می‌داریم دانلود کنید و حساب "
            "کاربری‌تان را حذف کنید.",
            "دوره‌ها",
            "دوره‌هایی برای همه بخش‌های پاسخ هماهنگ به خشونت علیه زنان و برای منتورهای "
            "اجتماعی. با سرعت خودتان یا همراه با یک گروه بیاموزید، به زبان خودتان هرجا دوره "
            "ترجمه شده باشد، و گواهی‌ای بگیرید که هر کسی می‌تواند آن را تأیید کند.",
            "رویدادها و بازدیدهای مطالعاتی",
            "آموزش‌ها، جلسات سازوکارهای هماهنگی، همایش‌ها، گفت‌وگوهای عمومی، وبینارها و "
            "بازدیدهای مطالعاتی برنامه‌ها. زمان‌ها به وقت محلی هر رویداد نشان داده می‌شوند؛ یک "
            "رویداد یا یک فهرست کامل فیلترشده را به تقویم خود اضافه کنید.",
        ],
        SLUGS,
    ),
}

LANGUAGES = list(_TEXTS)


def navigation_strings(language: str) -> dict[str, str]:
    """English segment -> its text in ``language``, for ``core.locales.translation_publish``:
    the navigation pages' texts and slugs, with the interface's own names of the quick exit
    button and of My Linkage."""
    texts, slugs = _TEXTS[language]
    with translation.override(language):
        exit_label = translation.gettext("Exit this page")
        my_linkage = translation.gettext("My Linkage")
    strings = {
        english: text.replace("{exit}", exit_label).replace("{my}", my_linkage)
        for english, text in zip(ORDER, texts, strict=True)
    }
    strings.update(zip(SLUGS, slugs, strict=True))
    strings["home"] = f"home-{language}"  # the home page's slug is in no address
    return strings
