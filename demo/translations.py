"""Swedish and English versions of the demo pages, made the way a translator makes them.

Every page under the Finnish home page is submitted for translation with wagtail-localize, and
the strings below are entered as manual translations. The home page, the library and the
article list are fully translated and published, so that ``/sv/`` and ``/en/`` have their own
tree. Descriptions and articles get their titles and summaries translated and stay drafts
awaiting a translator's review (the rest of their text is still Finnish), unless ``publish``.
"""

from django.db import transaction
from django.utils.text import slugify
from wagtail.models import Locale, Site
from wagtail_localize.models import StringSegment, StringTranslation, Translation
from wagtail_localize.operations import TranslationCreator

from core.languages import SOURCE_LANGUAGE, TRANSLATION_LANGUAGES, source_locale

# Finnish source text: (Swedish, English).
DEMO_STRINGS = {
    "Toimintamallikirjasto": ("Verksamhetsmodellbiblioteket", "Operating model library"),
    "Hyvinvointialueiden ja järjestöjen toimintamallit kuvattuina niin, että muut voivat ottaa ne käyttöön.": (
        "Välfärdsområdenas och organisationernas verksamhetsmodeller, beskrivna så att andra kan ta dem i bruk.",
        "Operating models of the wellbeing services counties and NGOs, described so that others can adopt them.",
    ),
    "Toimintamallit": ("Verksamhetsmodeller", "Operating models"),
    "Hyvinvointialueiden ja järjestöjen kuvaamat toimintamallit, uusimmat ensin.": (
        "Verksamhetsmodeller som välfärdsområden och organisationer har beskrivit, de nyaste först.",
        "Operating models described by wellbeing services counties and NGOs, newest first.",
    ),
    "Ajankohtaista": ("Aktuellt", "News"),
    "Kasvatus- ja perheneuvontatyön kehittäminen Etelä-Savossa": (
        "Utveckling av uppfostrings- och familjerådgivningen i Södra Savolax",
        "Developing child guidance and family counselling in South Savo",
    ),
    "Vauva-ja väkivaltatyötä tulevaisuuden sotekeskuksiin": (
        "Arbete med bebisfamiljer och mot våld i framtidens social- och hälsocentraler",
        "Baby and violence work for the health and social services centres of the future",
    ),
    "Vauva- ja väkivaltatyötä tulevaisuuden sotekeskuksiin": (
        "Arbete med bebisfamiljer och mot våld i framtidens social- och hälsocentraler",
        "Baby and violence work for the health and social services centres of the future",
    ),
    "Perhekeskuskehittämistä monitoimijaisella yhteistyöllä": (
        "Utveckling av familjecentret i samarbete mellan många aktörer",
        "Developing family centres through multi-actor co-operation",
    ),
    "Yhteistyöllä perheiden hyvinvointia": (
        "Familjers välmående genom samarbete",
        "Families' wellbeing through co-operation",
    ),
    "Perhekeskus ja varhainen tuki arjessa": (
        "Familjecentret och tidigt stöd i vardagen",
        "The family centre and early support in everyday life",
    ),
    "Kasvatus- ja perheneuvontapalveluiden kehittäminen ja koulutus asiakaslähtöisesti Etelä-Savon "
    "hyvinvointialueen tarpeisiin. Kehittämistyö liittyy hyvinvointialueen strategiaan tavoitteena "
    "alueellisesti yhtenevät käytänteet ja asiakasohjaus.": (
        "Klientorienterad utveckling av och utbildning i uppfostrings- och familjerådgivningen för "
        "Södra Savolax välfärdsområdes behov. Utvecklingsarbetet hör till välfärdsområdets strategi, med "
        "enhetliga arbetssätt och klienthandledning i hela området som mål.",
        "Developing child guidance and family counselling services, and training for them, around the "
        "clients and the needs of the South Savo wellbeing services county. The work is part of the "
        "county's strategy, which aims at the same practices and client guidance across the region.",
    ),
}

# The whole text of the operating model (seed 003) and of an article (seed 004) in Swedish: the demo
# publishes them through the Swedish review (demo.content). English gets the Finnish text back.
SWEDISH_ONLY = {
    "Etelä-Savon hyvinvointialue": "Södra Savolax välfärdsområde",
    "Kehittämistyöllä vastattiin kasvatus- ja perheneuvonnan tunnistamiseen sosiaalihuoltolain mukaiseksi "
    "matalan kynnyksen peruspalveluksi ennalta ehkäisevänä palveluna sekä siihen, että palvelua saavat kaikki "
    "alle 18-vuotiaat, viitaten Hanne Kalmarin kasvatus- ja perheneuvonnan kansalliseen kehittämisprosessin "
    "loppuraporttiin.": (
        "Utvecklingsarbetet svarade på att uppfostrings- och familjerådgivningen erkänns som en förebyggande "
        "bastjänst med låg tröskel enligt socialvårdslagen, och på att alla under 18 år ska få tjänsten, med "
        "hänvisning till Hanne Kalmaris slutrapport om den nationella utvecklingen av uppfostrings- och "
        "familjerådgivningen."
    ),
    "Kehittämistyö liittyy hyvinvointialueen strategiaan siten, että halutaan alueellisesti yhtenevät "
    "käytänteet ja asiakasohjaus": (
        "Utvecklingsarbetet hör till välfärdsområdets strategi, som vill ha enhetliga arbetssätt och "
        "klienthandledning i hela området"
    ),
    "Lapsi- ja perhepalvelujen alueellisen kehittämisen painopisteet Tulevaisuuden sotekeskus-ohjelmassa "
    "liittyvät voimakkaasti varhaiseen tukeen ja ennaltaehkäisyyn. Painopisteenä on ollut lasten ja nuorten "
    "matalan kynnyksen monialaisten palvelujen laadun ja saatavuuden parantaminen. Yhtäältä lasten ja nuorten "
    "hyvinvointia rakennetaan laajassa eri toimijoiden välisessä yhteistyössä. Toisena näkökulmana "
    "palveluketjuja ja -kokonaisuuksia sekä palveluja kehitetään lukuisilla alueilla ja keskeisenä tavoitteena "
    "on palveluketjujen alueellinen selkiyttäminen, yhdistäminen sekä saatavuuden vahvistaminen.": (
        "Tyngdpunkterna i den regionala utvecklingen av barn- och familjetjänsterna i programmet Framtidens "
        "social- och hälsocentral handlar i hög grad om tidigt stöd och förebyggande arbete. Fokus har legat på "
        "att förbättra kvaliteten och tillgången på sektorsövergripande tjänster med låg tröskel för barn och "
        "unga. Å ena sidan byggs barns och ungas välmående upp i ett brett samarbete mellan olika aktörer. Å "
        "andra sidan utvecklas servicekedjor, servicehelheter och tjänster inom många områden, och ett centralt "
        "mål är att göra servicekedjorna tydligare, att förena dem och att förbättra tillgången i hela området."
    ),
    "Kasvatus- ja perheneuvonta työn kehittämisessä toimintaympäristönä on hyvinvointialueen asiakasohjaus "
    "Perheneuvon kehittäminen, sosiaalihuoltolain mukaiset lapsiperhepalvelut, lastensuojelu ja lasten "
    "mielenterveyspalvelut.": (
        "Verksamhetsmiljön för utvecklingen av uppfostrings- och familjerådgivningen är välfärdsområdets "
        "klienthandledning Perheneuvo, tjänsterna för barnfamiljer enligt socialvårdslagen, barnskyddet och "
        "barnens mentalvårdstjänster."
    ),
    "Etelä-Savon lapsiperheet": "Barnfamiljerna i Södra Savolax",
    "Kasvatus- ja perheneuvonnan pilotin arviointi, yhdenvertaisuutta, saatavuutta, oikea-aikaisuutta, "
    "jatkuvuutta parannettiin pilotin aikana mm.": (
        "Utvärderingen av piloten inom uppfostrings- och familjerådgivningen: under piloten förbättrades bland "
        "annat jämlikheten, tillgången, att hjälpen kommer i rätt tid och kontinuiteten."
    ),
    "Kehittämisprojekti oli osa Varsinais-Suomen tulevaisuuden sosiaali- ja terveyskeskus -hanketta "
    "(hankekausi 2020–2023).": (
        "Utvecklingsprojektet var en del av projektet Framtidens social- och hälsocentral i Egentliga Finland "
        "(projektperioden 2020–2023)."
    ),
    "Perhe, äiti ja lapsi lattialla kirjan kanssa, isä takana": (
        "En familj: mamma och barn på golvet med en bok, pappa bakom dem"
    ),
    "Perhekeskus ja varhainen tuki arjessa -projektin tavoitteena on luoda yhteinen kuva tulevaisuuden "
    "perhekeskuksista ja suunnitelma, miten erilaiset lapsiperhepalvelut tulisi järjestää, jotta ne toimivat "
    "asiakkaiden kannalta saumattomasti, parhaalla mahdollisella tavalla.": (
        "Målet för projektet Familjecentret och tidigt stöd i vardagen är att skapa en gemensam bild av "
        "framtidens familjecenter och en plan för hur olika tjänster för barnfamiljer ska ordnas så att de "
        "fungerar smidigt och på bästa möjliga sätt för klienterna."
    ),
    "Hankkeen käynnistyessä keväällä 2022 keskeisenä tavoitteena oli innostaa kuntien toimijat "
    "yhteiskehittämiseen. Tämän toteutumiseksi kiinnostuneita kuntia pyydettiin kirjoittamaan motivaatiokirje "
    "perusteluksi sille, miksi haluavat mukaan. Mukaan saatiin yhteensä 14 kuntaa, joista koottiin kaksi Valio "
    "kunta -kehittämistiimiä. Kehittämisen tavoitteena oli rakentaa yhteistä näkemystä varsinaissuomalaisesta "
    "perhekeskuksesta ja mallintaa käytännön toteuttamistapaa. Lisäksi kahdessa hankkeen perhekeskusfoorumissa "
    "esiteltiin valtakunnallisesti toimiviksi osoittautuneita työvälineitä yhteinen näkemyksen rakentamiseksi. "
    "”Ryöstöretken” perusteella otimme käyttöön perhekeskuksen konseptoinnin ja perhekeskusten "
    "kumppanuussopimuksen.": (
        "När projektet inleddes våren 2022 var det centrala målet att få kommunernas aktörer med i en gemensam "
        "utveckling. Intresserade kommuner ombads därför skriva ett motivationsbrev om varför de ville delta. "
        "Sammanlagt 14 kommuner kom med, och av dem bildades två utvecklingsteam, Valio kunta. Målet var att "
        "bygga en gemensam syn på familjecentret i Egentliga Finland och att modellera hur det ska fungera i "
        "praktiken. Vid projektets två familjecenterforum presenterades dessutom arbetsredskap som visat sig "
        "fungera i hela landet, för att bygga den gemensamma synen. Efter ”plundringståget” tog vi i bruk "
        "familjecentrets konceptualisering och ett partnerskapsavtal för familjecentren."
    ),
    "Syksyllä 2022 erityisenä tavoitteena oli palvelukohtaisissa työpajoissa nostaa esiin "
    "perhekeskuspalveluiden työntekijöiden ääntä kehittämisen tueksi. Kymmenessä työpajassa jaettiin "
    "kokemuksia mm. perustehtävän ymmärryksestä, parhaista käytännöistä sekä hyvinvointialueen käynnistymiseen "
    "liittyvistä huolista ja tarpeista. Työpajoista saimme tärkeää tietoa sirpaleisten toimintakäytäntöjen "
    "yhtenäistämisen tueksi, jota hyödynnettiin yhteistyössä hyvinvointialueen toimijoiden kanssa työstäessä "
    "palvelujen kuvauksia ja määrittelyjä.": (
        "Hösten 2022 var det särskilda målet att i tjänstespecifika verkstäder lyfta fram rösten hos de "
        "anställda i familjecentrets tjänster som stöd för utvecklingen. I tio verkstäder delade man erfarenheter "
        "av bland annat förståelsen av grunduppdraget, de bästa arbetssätten och oron och behoven inför "
        "välfärdsområdets start. Verkstäderna gav oss viktig kunskap för att förena splittrade arbetssätt, och "
        "den användes när tjänsterna beskrevs och definierades tillsammans med välfärdsområdets aktörer."
    ),
    "Erityisesti on mainittava tiivis yhteistyö järjestöjen ja seurakuntien kanssa. Varsinais-Suomen "
    "lastensuojelujärjestöt ry jäsenjärjestöineen on aktiivisesti tuonut järjestöjen osaamista ja ääntä "
    "perhekeskuskokonaisuuden rakentamiseen. Lisäksi on aktiivisesti työskennelty Palvelutietovaranto-tietojen "
    "(PTV) kirjaamiseksi niin, että järjestöjen ja seurakuntien palvelut löytyvät tulevaisuudessa sähköisestä "
    "perhekeskuksesta.": (
        "Särskilt bör det nära samarbetet med organisationer och församlingar nämnas. Varsinais-Suomen "
        "lastensuojelujärjestöt ry och dess medlemsorganisationer har aktivt fört in organisationernas kunnande "
        "och röst i arbetet med familjecentret. Man har också arbetat aktivt med att föra in uppgifter i "
        "Servicedatalagret (PTV), så att organisationernas och församlingarnas tjänster i framtiden finns i det "
        "digitala familjecentret."
    ),
    "Hankeavustuksen siirrolla on toteutettu kolme erillistä pilottia. Paraisilla tehtiin selvitys, miten "
    "kaksikieliset palvelut turvataan perhekeskuksissa. Naantalissa selvitetään HYTE- ja SOTE-yhdyspintoja "
    "huomioiden erityisesti kohtaamispaikkojen mahdollisuudet. Turussa taas toimii moniammatillinen "
    "Reppu-tiimi, joka on jalkautunut kouluympäristöön tukemaan ennaltaehkäisevästi lapsia, nuoria ja "
    "huoltajia.": (
        "Med överfört projektbidrag har tre separata piloter genomförts. I Pargas utreddes hur tvåspråkiga "
        "tjänster tryggas i familjecentren. I Nådendal utreds gränsytorna mellan främjande av välfärd och "
        "hälsa och social- och hälsovården, särskilt mötesplatsernas möjligheter. I Åbo arbetar det "
        "mångprofessionella Reppu-teamet, som har gått ut i skolmiljön för att förebyggande stödja barn, unga "
        "och vårdnadshavare."
    ),
    "Valmistelutyöhön tukeutuen kaikkein keskeisin onnistuminen vuonna 2022 hankkeessa oli, että saimme "
    "yhteistyössä hyvinvointialueen virkahenkilöiden kanssa hankevalmistelun esityksen mukaisesti VARHA:lle "
    "yhteisen Perhekeskuksen sekä perhekeskusjohtajan, sote-keskusjaon mukaiset alueelliset perhekeskukset "
    "sekä näille omat päälliköt. Tämän konkreettisen rakenteen mahdollistamana on selkeää jatkossa työstää, "
    "miten erilaiset lapsiperhepalvelut tulisi järjestää.": (
        "Projektets viktigaste framgång 2022, med stöd av förberedelserna, var att vi tillsammans med "
        "välfärdsområdets tjänstemän enligt projektets förslag fick ett gemensamt familjecenter och en "
        "familjecenterdirektör för VARHA, regionala familjecenter enligt indelningen i social- och "
        "hälsocentraler och egna chefer för dem. Med den konkreta strukturen är det tydligt att fortsätta "
        "arbetet med hur olika tjänster för barnfamiljer ska ordnas."
    ),
    "Vuoden 2023 alussa sovimme perhekeskusjohtaja Terhi Vierikon kanssa, että kuluvan kevään keskeisinä "
    "tavoitteina hankkeessa on keskittyä sähköisen perhekeskuksen käyttöönoton varmistamiseen ja "
    "verkostomaisen perhekeskuksen työskentelyn vahvistamiseen sivistyspalveluiden palvelukokonaisuudessa, ja "
    "siellä erityisesti varhaiskasvatuksen ja esiopetuksen sektorilla. Näiden tavoitteiden toteuttamisen "
    "kannalta on jo vuoden alussa varmistunut jatkon kannalta kaksi erityisen merkittävää asiaa:": (
        "I början av 2023 kom vi överens med familjecenterdirektör Terhi Vieriko om att projektets centrala "
        "mål denna vår är att säkra ibruktagningen av det digitala familjecentret och att stärka arbetet i det "
        "nätverksformade familjecentret inom bildningstjänsterna, särskilt inom småbarnspedagogiken och "
        "förskoleundervisningen. För att nå målen stod två särskilt viktiga saker klara redan i början av året:"
    ),
    "1. Sähköinen perhekeskus saadaan Varsinais-Suomeen. Valmistelutyön olemme Varsinais-Suomessa tehneet "
    "huolella osallistumalla aktiivisesti Digifinlandin valtakunnalliseen kehittämistyöhön ja viestimällä "
    "aktiivisesti ja laajasti Palvelutietovarannosta ja sähköisestä perhekeskuksesta. Olemme myös laatineet "
    "käyttöönottosuunnitelmaa sähköiselle perhekeskukselle<br/>2. Perhekeskusajokortti toteutetaan keväällä "
    "yhteistyössä eOppivan kanssa.": (
        "1. Egentliga Finland får det digitala familjecentret. Vi har förberett det omsorgsfullt genom att "
        "delta aktivt i Digifinlands nationella utvecklingsarbete och genom att informera aktivt och brett om "
        "Servicedatalagret och det digitala familjecentret. Vi har också gjort en plan för ibruktagningen av "
        "det digitala familjecentret<br/>2. Familjecenterkörkortet genomförs i vår tillsammans med eOppiva."
    ),
    "Koulutukset ( systeeminen koulutus )": "Utbildningar (systemisk utbildning)",
    "pari- ja perheterapian osaamisen vahvistaminen kasvatus- ja perheneuvontatiimille koulutuksen avulla": (
        "stärkt kunnande i par- och familjeterapi för teamet inom uppfostrings- och familjerådgivningen "
        "genom utbildning"
    ),
    "Esitteet": "Broschyrer",
    "toiminnan esittelyä eri toimijoille omassa organisaatiossa sekä yhteistyökumppaneille": (
        "presentationer av verksamheten för olika aktörer i den egna organisationen och för samarbetspartner"
    ),
    "yhteinäiset prosessikuvaukset": "enhetliga processbeskrivningar",
    "selkeä asiakasohjauksen prosessi, yksi ”sisääntulokanava” - Perheneuvo": (
        "en tydlig process för klienthandledning, en enda ”ingång” – Perheneuvo"
    ),
    "palvelua saa melko nopealla aikataululla": "tjänsten fås ganska snabbt",
    "varhainen tuki, matala kynnys palvelun saatavuudelle": "tidigt stöd, låg tröskel för att få tjänsten",
    "selkeä ydintehtävien määrittely, jolloin myös selkeä asiakasegmentointi": (
        "tydligt definierade kärnuppgifter och därmed också en tydlig klientsegmentering"
    ),
    "kasvatus- ja perheneuvonnan profiloituminen sosiaalihuoltolain mukaiseksi palveluksi, joka tuottaa "
    "ydintehtävien mukaista palvelua": (
        "uppfostrings- och familjerådgivningen har profilerats som en tjänst enligt socialvårdslagen, som ger "
        "service enligt sina kärnuppgifter"
    ),
    "koulutusta hankekauden aikana": "utbildning under projektperioden",
    "yhteinen tiimityön malli": "en gemensam modell för teamarbete",
    "THL:n ohjeistuksen mukainen toiminnan määrittely": "verksamheten definierad enligt THL:s anvisningar",
    "profiloituminen ja asemoituminen matala kynnyksen peruspalveluksi": (
        "profilering och positionering som en bastjänst med låg tröskel"
    ),
    "kasvatus- ja erheneuvonnan toiminta tulee tunnetuksi matalan kynnyksen peruspalveluna": (
        "uppfostrings- och familjerådgivningen blir känd som en bastjänst med låg tröskel"
    ),
    "perheet saavat apua varhain, jolloin vältytään raskaammilta palveluilta kuten esimerkiksi lastensuojelu": (
        "familjer får hjälp tidigt, så att tyngre tjänster som till exempel barnskyddet kan undvikas"
    ),
    "ennalta ehkäisevällä työskentelyllä työskentelyaika ei ole määrittämätön, vaan lyhytaikaista tukea, jona "
    "vaikuttavuutta arvioidaan työskentelyn aikana ja voidaan tehdä ohjaus tukevampaan tukeen, mikäli "
    "työskentely ei tue perheitä riittävästi": (
        "i det förebyggande arbetet är arbetstiden inte obestämd utan ett kortvarigt stöd, vars effekt bedöms "
        "under arbetet, och familjen kan hänvisas till ett starkare stöd om arbetet inte stöder den tillräckligt"
    ),
    "asiakasohjaus": "klienthandledning",
    "yhteistyö terveydenhuollon palveluiden kanssa": "samarbete med hälsovårdens tjänster",
    "yhteistyö muiden sosiaalihuollon sekä lastensuojelun toimijoiden kanssa": (
        "samarbete med andra aktörer inom socialvården och barnskyddet"
    ),
    "Päätöksen teko, vastuut; omatyöntekijäkysymys, työn vaikuttavuuden arviointi: Kuka arvioi; kriteerit/mittarit": (
        "Beslutsfattande, ansvar; frågan om egen arbetstagare, bedömning av arbetets effekt: vem bedömer; "
        "kriterier/indikatorer"
    ),
    # Texts are kept as wagtail-localize keeps them: with their HTML entities.
    "asiakasohjauksen mallinnus -&gt; Perheneuvo, monta eri yhteydenottokanavaa": (
        "modellering av klienthandledningen -&gt; Perheneuvo, många olika kontaktkanaler"
    ),
    "puhelimitse, chat, sähköinen lomake, takaisinsoitto": "per telefon, chatt, elektronisk blankett, återuppringning",
    "esitteet": "broschyrer",
    "some-tiedottaminen ja video materiaali": "information i sociala medier och videomaterial",
    "Kasvatus- ja perheneuvontatyö on muodostunut päätökseen pohjautuvaksi sosiaalihuoltolainmukaiseksi "
    "palveluksi Etelä-Savossa. Kehittämistyön aikana on noussut huoli siitä, että jotkut perheet eivät halua "
    "ottaa apua vastaan koska he eivät halua sosiaalihuoltolainmukaiseksi asiakkuutta. Olisi ehkä tarpeen "
    'miettiä olisiko hyvä, että perheillä olisi walk in palveluna " ohjauksellista ja neuvoa antavaa kasvatus- '
    'ja perheneuvontaa" ilman asiakkuutta. Näin asiakas saisi oikea-aikaista apua ja neuvontaa hänen asiaansa '
    "ja ohjautuisi oikeisiin palveluihin. Perhekeskus-ympäristönä olisi oikea paikka tähän kohtaamistyöhön. "
    "Tällä työskentelyllä vahvistettaisiin ennaltaehkäisyä ja varhaista puuttumista, jolloin perheet eivät "
    "ajaudu raskaisiin palveluihin, eivätkä asiat perheissä eskaloidu.": (
        "Uppfostrings- och familjerådgivningen har i Södra Savolax blivit en tjänst enligt socialvårdslagen som "
        "bygger på ett beslut. Under utvecklingsarbetet har det väckts oro för att en del familjer inte vill ta "
        "emot hjälp, eftersom de inte vill bli klienter enligt socialvårdslagen. Det kunde vara bra att fundera "
        "på om familjer kunde få ”handledande och rådgivande uppfostrings- och familjerådgivning” som en "
        "drop in-tjänst utan klientrelation. Då skulle klienten få hjälp och råd i rätt tid och hitta rätt "
        "tjänster. Familjecentret vore rätt miljö för det här mötande arbetet. Arbetet skulle stärka det "
        "förebyggande arbetet och tidiga ingripanden, så att familjer inte hamnar i tunga tjänster och "
        "situationerna i familjerna inte eskalerar."
    ),
    "Lisätiedot": "Mer information",
    "Sami Luoto<br/>projektipäällikkö<br/>Varsinais-Suomen tulevaisuuden sosiaali- ja terveyskeskus "
    "-hanke<br/>sami.luoto@varha.fi": (
        "Sami Luoto<br/>projektchef<br/>Projektet Framtidens social- och hälsocentral i Egentliga "
        "Finland<br/>sami.luoto@varha.fi"
    ),
}


def _normalised(text):
    return " ".join(text.split())


STRINGS = {_normalised(finnish): translations for finnish, translations in DEMO_STRINGS.items()} | {
    _normalised(finnish): (swedish, None) for finnish, swedish in SWEDISH_ONLY.items()
}


def _translate_strings(translation):
    """Enter the known strings of one translation as manual translations; the slug follows the title."""
    position = TRANSLATION_LANGUAGES.index(translation.target_locale.language_code)
    segments = StringSegment.objects.filter(source=translation.source).select_related("string", "context")
    title = None
    for segment in segments:
        if segment.context.path == "title":
            known = STRINGS.get(_normalised(segment.string.data))
            title = known[position] if known else None
    for segment in segments:
        if segment.context.path == "slug":
            text = slugify(title) if title else None
        else:
            known = STRINGS.get(_normalised(segment.string.data))
            text = known[position] if known else None
        if text:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=translation.target_locale,
                context=segment.context,
                defaults={"data": text, "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL},
            )


@transaction.atomic
def translate_demo(user=None, publish=False):
    """Swedish and English versions of the pages under the Finnish home page; returns how many were made.

    Pages that already have a translation keep it, so running this again changes nothing.
    """
    locales = list(Locale.objects.filter(language_code__in=TRANSLATION_LANGUAGES))
    home = Site.objects.get(is_default_site=True).root_page
    if home.locale.language_code != SOURCE_LANGUAGE:
        home = home.get_translation(source_locale())
    # Parents before children; development entities before the models that point to them.
    pages = sorted(
        [home, *home.get_descendants().select_related("content_type")],
        key=lambda page: (page.depth, page.content_type.model == "operatingmodelpage", page.path),
    )
    creator = TranslationCreator(user, locales)
    made = 0
    for page in pages:
        missing = [locale for locale in locales if not page.has_translation(locale)]
        if not missing:
            continue
        creator.target_locales = missing
        creator.create_translations(page.specific, include_related_objects=False)
        translations = Translation.objects.filter(source__object_id=page.translation_key, target_locale__in=missing)
        for translation in translations.select_related("source", "target_locale"):
            _translate_strings(translation)
            translation.save_target(user=user, publish=False)
            if publish or page.depth <= home.depth + 1:
                # Published now rather than when the transaction commits (as save_target would),
                # so that the parent's tree fields are current when its children are added.
                translation.get_target_instance().get_latest_revision().publish(user=user)
            made += 1
    return made
