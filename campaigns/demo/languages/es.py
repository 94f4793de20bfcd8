"""Spanish: CommunityLinkage's 16 Days (its lead partner works in Barcelona)."""

INDEX = {
    "title": "Campañas",
    "intro": (
        "<p>Las campañas de los programas: los 16 días de activismo contra la violencia de "
        "género, campañas nacionales y coaliciones entre países. Lee las acciones de cada "
        "día, busca un debate público cerca de ti y comprométete.</p>"
    ),
}

SECTIONS = {"communitylinkage": "CommunityLinkage: mujeres migrantes como mentoras comunitarias"}

SIXTEEN_DAYS = {
    "title": "16 días de activismo {year}",
    "theme": "Cada mujer, en cada idioma: un apoyo que llegue a las mujeres migrantes",
    "intro": (
        "Del 25 de noviembre al 10 de diciembre, mujeres migrantes formadas como mentoras "
        "comunitarias y los y las profesionales a quienes forman en España, Italia, Grecia y "
        "Eslovenia muestran cómo los servicios contra la violencia de género pueden llegar a "
        "todas las mujeres, hablen el idioma que hablen."
    ),
    "key_messages": [
        "Toda mujer tiene derecho a protección frente a la violencia y a recibir apoyo, sea "
        "cual sea su idioma o su situación administrativa.",
        "Ninguna mujer debería necesitar que su pareja, un familiar o su hijo le hagan de "
        "intérprete cuando pide ayuda.",
        "Las mujeres migrantes no son solo personas a las que ayudar: como mentoras "
        "comunitarias, conectan a otras mujeres con los servicios y forman a profesionales.",
        "Profesionales: preguntad en privado, escuchad, creedla y ofreced un intérprete "
        "profesional.",
        "Ayúdanos a llegar a 15.000 personas: comparte una acción del día y comprométete.",
    ],
    "help_heading": "Si necesitas ayuda ahora",
    "help_text": (
        "<p>En caso de peligro inmediato, llama al 112, gratuito en todos los países de la "
        "UE. Las líneas de ayuda que aparecen abajo son confidenciales y muchas pueden contar "
        "con un intérprete.</p>"
    ),
    "hero_alt": (
        "Ilustración en naranja: una fila de mujeres de distintas edades, una al lado de la "
        "otra, algunas con pañuelo, bajo las palabras 16 Days."
    ),
    "days": [
        (
            "Pinta el mundo de naranja",
            "Ponte algo naranja hoy y cuéntale a una persona por qué. Las mentoras comunitarias "
            "iluminan de naranja las ventanas de centros comunitarios de Barcelona, Palermo, "
            "Atenas y Koper: mándanos una foto, sin caras.",
            "Hoy, Día Internacional de la Eliminación de la Violencia contra la Mujer, me visto "
            "de naranja por cada mujer, en cada idioma. #16Days #OrangeTheWorld",
            "<p>El cartel de la campaña y las imágenes para redes sociales están en los "
            "materiales de esta página.</p>",
        ),
        (
            "Reconoce las señales",
            "Conoce las formas que adopta la violencia: física, sexual, psicológica, económica "
            "y digital. Quitarle los papeles, el dinero o el teléfono es control, y el control "
            "suele llegar primero.",
            "La violencia no son solo moratones. Quitarle a una mujer los papeles, el dinero o "
            "el teléfono es control. #16Days",
            "",
        ),
        (
            "El idioma abre la puerta",
            "Averigua en qué idiomas puede ofrecer intérprete el servicio de atención a mujeres "
            "de tu zona. Si trabajas en un servicio, dilo en la puerta y en los folletos, en "
            "esos idiomas.",
            "Un servicio que solo habla un idioma está cerrado para muchas mujeres. Pedir un "
            "intérprete es tu derecho. #16Days",
            "",
        ),
        (
            "Protección sin condiciones",
            "Lee lo que dice el Convenio de Estambul: las mujeres están protegidas sin "
            "discriminación, sea cual sea su condición de migrante o refugiada (artículos 4 y "
            "59). Compártelo con un compañero o compañera de recepción.",
            "La protección frente a la violencia no depende de los papeles. "
            "#IstanbulConvention #16Days",
            '<p><a href="https://www.coe.int/en/web/istanbul-convention">El Convenio de '
            "Estambul (Consejo de Europa)</a></p>",
        ),
        (
            "Da las gracias a una defensora",
            "El 29 de noviembre es el Día Internacional de las Defensoras de los Derechos "
            "Humanos. Da las gracias a una mujer que defiende a otras: una mentora, una "
            "trabajadora de una casa de acogida, una intérprete.",
            "Gracias a cada mujer que defiende a otras mujeres. #WHRD #16Days",
            "",
        ),
        (
            "Las mentoras tienden puentes",
            "Descubre cómo las mujeres migrantes formadas como mentoras comunitarias acompañan "
            "a una mujer a su primera cita, le explican cómo funciona un servicio y siguen a su "
            "lado.",
            "Las mentoras comunitarias acompañan a las mujeres hasta los servicios que "
            "necesitan. #CommunityLinkage #16Days",
            "",
        ),
        (
            "La sanidad lo ve primero",
            "Profesionales de la salud: preguntad a cada mujer, a solas y en privado, si se "
            "siente segura en casa. Si necesita intérprete, llamad a uno profesional.",
            "Una pregunta de una médica o de un enfermero puede abrir la puerta a la ayuda. "
            "Pregunta en privado. #16Days",
            "",
        ),
        (
            "Trata y explotación",
            "El 2 de diciembre es el Día Internacional para la Abolición de la Esclavitud. "
            "Aprende a reconocer la explotación de mujeres que trabajan en casas, en el campo y "
            "en los cuidados: documentos retenidos, deudas, ningún día libre.",
            "Las mujeres que limpian, cuidan y cosechan para nosotros deben ser libres y estar "
            "seguras. #EndTrafficking #16Days",
            "",
        ),
        (
            "Mujeres con discapacidad",
            "El 3 de diciembre es el Día Internacional de las Personas con Discapacidad. "
            "Comprueba que tu servicio es accesible: entrada sin escalones, información de "
            "lectura fácil, lengua de signos a petición.",
            "Las mujeres con discapacidad sufren más violencia y llegan menos a la ayuda. Haz "
            "accesible tu servicio. #16Days",
            "",
        ),
        (
            "Segura en internet",
            "Revisa tu teléfono con una amiga de confianza: ubicación compartida, cuentas "
            "compartidas, aplicaciones que no instalaste tú. Vigilar a una mujer a través de "
            "su teléfono es violencia.",
            "Controlar a una mujer a través de su teléfono es violencia. #16Days #DigitalViolence",
            "",
        ),
        (
            "Voluntariado en tu comunidad",
            "El 5 de diciembre es el Día Internacional del Voluntariado. Pregunta a una "
            "organización de mujeres cercana qué necesita: compañía para ir a las citas, "
            "folletos traducidos, cuidado de niños durante las sesiones.",
            "Dedica una hora a una organización de mujeres cerca de ti. #IVD #16Days",
            "",
        ),
        (
            "Hombres aliados",
            "Hombres: hablad con otros hombres sobre el respeto y el control. Decid algo cuando "
            "un chiste hace que la violencia parezca normal.",
            "Respeto significa ni control ni violencia. Hombres, decid algo. #16Days",
            "",
        ),
        (
            "Los niños y sus madres",
            "Docentes y trabajadoras sociales: sabed a dónde derivar a un niño o una niña que "
            "vive con violencia, y cómo apoyar a la madre sin ponerla en riesgo.",
            "Proteger a un niño es también apoyar a su madre. #16Days",
            "",
        ),
        (
            "Contarlo una sola vez",
            "Servicios: acordad con otra entidad cómo derivar a una mujer, para que cuente su "
            "historia una vez y no cinco.",
            "Una mujer debería contar su historia una vez, no cinco. Servicios, trabajad "
            "juntos. #16Days",
            "",
        ),
        (
            "Historias compartidas con consentimiento",
            "Lee las historias de esta página, compartidas con el consentimiento de las "
            "mujeres que las contaron. Envía un mensaje de solidaridad; nunca compartas el "
            "nombre, la foto ni los datos de una superviviente.",
            "Solidaridad, nunca exposición: comparte mensajes, nunca los datos de una "
            "superviviente. #16Days",
            "",
        ),
        (
            "Los derechos de las mujeres son derechos humanos",
            "El 10 de diciembre es el Día de los Derechos Humanos. Comprométete, cuéntanos qué "
            "harás el año que viene y participa en un debate público cerca de ti.",
            "Los derechos de las mujeres son derechos humanos, todos los días del año. Me he "
            "comprometido. #16Days #HumanRightsDay",
            "",
        ),
    ],
    "stories": [
        (
            "Pidió un intérprete, y volvió",
            "Una mujer vino a dos sesiones de mentoría sin decir casi nada. En la tercera, "
            "preguntó si en el centro de salud había intérpretes de su idioma. Su mentora la "
            "acompañó a preguntarlo. Ahora va sola, y ha contado a otras mujeres que ellas "
            "también pueden pedirlo.",
            "Una mentora comunitaria",
        ),
        (
            "Lo que las mentoras enseñaron a nuestra recepción",
            "Llevaba años trabajando en la recepción de un servicio social. En la formación "
            "que impartieron dos mentoras migrantes entendí por qué algunas mujeres se iban "
            "antes de su cita: nuestras cartas estaban en un solo idioma y siempre "
            "interpretaba un familiar. Hemos cambiado las dos cosas.",
            "Una trabajadora social formada por mentoras comunitarias",
        ),
    ],
}
