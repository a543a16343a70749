// Demonyms, which are written with a capital in English and, as nouns, in
// French ("the Danes", "les Ukrainiens") but name no one: every English and
// French demonym of the world-countries package (a list taken once from it;
// tests/core/discover.test.ts checks that it still holds them all), and the
// forms it lacks (nouns such as "Dane", adjectives such as "Spanish",
// regions' and cities' people, faiths). Both languages' forms are checked in
// both: "Philippine" is French in the package and English in the press.
// Plurals are made by rule.
import { fold } from './common';

const COUNTRIES_EN = `
  afghan albanian algerian american american_islander american_samoan andorran angolan anguillian antarctican
  antiguan argentine armenian aruban australian austrian azerbaijani bahamian bahraini bangladeshi barbadian
  barbudan belarusian belgian belizean beninese bermudian bhutanese bolivian bosnian brazilian british bruneian
  bulgarian burkinabe burmese burundian caicos_islander cambodian cameroonian canadian cape_verdian caymanian
  central_african chadian channel_islander chilean chinese christmas_islander cocos_islander colombian comoran
  congolese cook_islander costa_rican croatian cuban curaçaoan cypriot czech danish djibouti dominican dutch
  east_timorese ecuadorean egyptian emirati equatorial_guinean eritrean estonian ethiopian falkland_islander
  faroese fijian filipino finnish french french_polynesian futuna_islander gabonese gambian georgian german
  ghanaian gibraltar greek greenlandic grenadian guadeloupian guamanian guatemalan guianan guinea-bissauan
  guinean guyanese haitian herzegovinian honduran hong_konger hungarian i-kiribati icelander indian
  indonesian iranian iraqi irish israeli italian ivorian jamaican japanese jordanian kazakhstani kenyan kirghiz
  kittitian kosovar kuwaiti laotian latvian lebanese liberian libyan liechtensteiner lithuanian luxembourger
  macanese macedonian mahoran malagasy malawian malaysian maldivan malian maltese manx marshallese martinican
  mauritanian mauritian mcdonald_islander mexican micronesian miquelonnais moldovan monegasque mongolian
  montenegrin montserratian moroccan mosotho motswana mozambican namibian nauruan nepalese nevisian
  new_caledonian new_zealander ni-vanuatu nicaraguan nigerian nigerien niuean norfolk_islander north_korean
  norwegian omani pakistani palauan palestinian panamanian papua_new_guinean paraguayan peruvian
  pitcairn_islander polish portuguese puerto_rican qatari romanian russian rwandan réunionese sahrawi
  saint_barthélemy_islander saint_helenian saint_lucian saint_martin_islander saint_vincentian saint-pierrais
  salvadoran sammarinese samoan sao_tomean saudi_arabian senegalese serbian seychellois sierra_leonean
  singaporean slovak slovene solomon_islander somali south_african south_georgian_south_sandwich_islander
  south_korean south_sudanese spanish sri_lankan st._maartener sudanese surinamer swazi swedish swiss syrian
  tadzhik taiwanese tanzanian thai togolese tokelauan tongan trinidadian tunisian turkish turkmen turks
  tuvaluan ugandan ukrainian uruguayan uzbekistani vatican venezuelan vietnamese virgin_islander yemeni
  zambian zimbabwean ålandish
`;

const COUNTRIES_FR = `
  afghan afghane albanais albanaise algérien algérienne allemand allemande américain américaine américan
  andorran andorrane angolais angolaise anguillan anguillane antarcticain antarcticaine antiguaise argentin
  argentine arménien arménienne arubais arubaise australien australienne autrichien autrichienne azerbaïdjanais
  azerbaïdjanaise bahamien bahamienne bahreïnien bahreïnienne bangladais bangladaise barbadien barbadienne
  barbudien barbudienne barthéloméen barthéloméenne belge bermudien bermudienne bhoutanais bhoutanaise birman
  birmane bissau-guinéen bissau-guinéenne biélorusse bolivien bolivienne bosnien bosnienne botswanais
  botswanaise britannique brunéien brunéienne brésilien brésilienne bulgare burkinabé burkinabée burundais
  burundaise bélizien bélizienne béninois béninoise cambodgien cambodgienne camerounais camerounaise canadien
  canadienne cap-verdien cap-verdienne caïmanien caïmanienne centrafricain centrafricaine chilien chilienne
  chinois chinoise chypriote colombien colombienne comorien comorienne congolais congolaise cookien cookienne
  costaricain costaricaine croate cubain cubaine curacien curacienne danois danoise djiboutien djiboutienne
  dominicain dominicaine dominiquais dominiquaise emirien emirienne espagnol espagnole est-timorais
  est-timoraise estonien estonienne fidjien fidjienne finlandais finlandaise français française féroïen
  féroïenne gabonais gabonaise gambien gambienne ghanéen ghanéenne gibraltarien gibraltarienne grec grecque
  grenadien grenadienne groenlandais groenlandaise guadeloupéen guadeloupéenne guatémaltèque guernesiais
  guernesiaise guinéen guinéenne guyanais guyanaise guyanien guyanienne géorgien géorgienne haïtien haïtienne
  hondurien hondurienne hongkongais hongkongaise hongrois hongroise indien indienne indonésien indonésienne
  irakien irakienne iranien iranienne irlandais irlandaise islandais islandaise israélien israélienne italien
  italienne ivoirien ivoirienne jamaïcain jamaïcaine japonais japonaise jersiais jersiaise jordanien
  jordanienne kazakhstanais kazakhstanaise kirghize kiribatien kiribatienne kittitien-et-nevicien
  kittitienne-et-nevicienne kosovar kosovare koweïtien koweïtienne kényan kényane laotien laotienne letton
  lettone libanais libanaise libyen libyenne libérien libérienne liechtensteinois liechtensteinoise lituanien
  lituanienne luxembourgeois luxembourgeoise lésothien lésothienne macanais macanaise macédonien macédonienne
  mahorais mahoraise malaisien malaisienne malawien malawienne maldivien maldivienne malgache malien malienne
  malouin malouinne maltais maltaise marocain marocaine marshallais marshallaise martiniquais martiniquaise
  mauricien mauricienne mauritanien mauritanienne mexicain mexicaine micronésien micronésienne miquelonais
  miquelonaise moldave mongol mongole montserratien montserratienne monténégrin monténégrine monégasque
  mozambicain mozambicaine namibien namibienne nauruan nauruane neo-zélandais neo-zélandaise nicaraguayen
  nicaraguayenne nigérian nigériane nigérien nigérienne niuéen niuéenne nord-coréen nord-coréenne norfolkais
  norfolkaise norvégien norvégienne néerlandais néerlandaise néo-calédonien néo-calédonienne népalais népalaise
  omanais omanaise ougandais ougandaise ouzbèke pakistanais pakistanaise palestinien palestinienne paluan
  paluane panaméen panaméenne papouasien papouasienne paraguayen paraguayenne philippin philippine pitcairnais
  pitcairnaise polonais polonaise polynésien polynésienne portoricain portoricaine portugais portugaise
  péruvien péruvienne qatarien qatarienne roumain roumaine russe rwandais rwandaise réunionnais réunionnaise
  saint-lucien saint-lucienne saint-marinais saint-marinaise saint-martinois saint-martinoise saint-pierrais
  saint-pierraise sainte-hélènois sainte-hélénoise salomonien salomonienne salvadorien salvadorienne samoan
  samoane santoméen santoméenne saoudien saoudienne serbe seychellois seychelloise sierra-leonais
  sierra-leonaise singapourien singapourienne slovaque slovène somalien somalienne soudanais soudanaise
  sri-lankais sri-lankaise sud-africain sud-africaine sud-coréen sud-coréenne sud-soudanais sud-soudanaise
  suisse surinamais surinamaise suédois suédoise swazie syrien syrienne sénégalais sénégalaise tadjike
  tanzanien tanzanienne taïwanais taïwanaise tchadien tchadienne tchèque thaïlandais thaïlandaise togolais
  togolaise tonguien tonguienne trinidadien trinidadienne tunisien tunisienne turc turkmène turque tuvaluan
  tuvaluane ukrainien ukrainienne uruguayen uruguayenne vanuatuan vanuatuane vatican vaticane vietnamien
  vietnamienne vincentais vincentaise vénézuélien vénézuélienne yéménite zambien zambienne zimbabwéen
  zimbabwéenne ålandais ålandaise égyptien égyptienne équato-guinéen équato-guinéenne équatorien équatorienne
  érythréen érythréenne éthiopien éthiopienne
`;

const MORE = `
  brit brits briton britons dane danes swede swedes finn finns pole poles turk turks scot scots scottish welsh english irish
  spanish polish turkish kurdish jewish flemish cornish manx catalan basque breton corsican walloon arab arabs kurd kurds
  serb serbs croat croats czech czechs slovak slovaks greek greeks thai latino latinos latina latinas maori inuit tamil
  tamils pashtun pashtuns tajik tajiks uzbek uzbeks kazakh kazakhs tatar tatars uyghur uyghurs tibetan tibetans
  muslim muslims christians jew jews catholic catholics hindu hindus sikh sikhs sunni sunnis shia shiite
  shiites buddhist buddhists protestant protestants orthodox byzantine western westerners european europeans african
  africans asian asians arabe arabes kurde kurdes juif juifs juive juives musulman musulmans musulmane musulmanes
  chrétien chrétiens chrétienne chrétiennes catholique catholiques protestant protestants sunnite sunnites chiite
  chiites hindou hindous bouddhiste bouddhistes européen européens européenne européennes africain africains africaine
  africaines asiatique asiatiques occidental occidentaux occidentale occidentales anglais anglaise écossais écossaise
  gallois galloise irlandais irlandaise flamand flamande wallon wallonne breton bretonne corse corses basque basques
  alsacien alsacienne normand normande provençal provençale savoyard savoyarde picard picarde occitan
  occitane catalan catalane parisien parisienne marseillais marseillaise lyonnais lyonnaise bordelais bordelaise nantais
  nantaise lillois lilloise toulousain toulousaine niçois niçoise strasbourgeois strasbourgeoise francilien
  francilienne québécois québécoise montréalais montréalaise bruxellois bruxelloise genevois genevoise londonien
  londonienne new-yorkais new-yorkaise berlinois berlinoise moscovite moscovites kanak kanaks tahitien tahitienne
  réunionnais réunionnaise antillais antillaise guadeloupéen guadeloupéenne martiniquais martiniquaise guyanais
  guyanaise pachtoune pachtounes ouïghour ouïghours tibétain tibétaine tamoul tamoule soviet soviets soviétique
  soviétiques hazara hazaras ouzbek ouzbeks ouzbèke ouzbèkes tadjik tadjiks turkmène turkmènes baloutche baloutches
  baloch balochs
`;

/** A plural by rule: "Danes", "Ukrainiens"; a word already ending in s, x, sh or ch is its own plural. */
function withPlural(w: string): string[] {
  return /(?:s|x|sh|ch)$/.test(w) ? [w] : [w, `${w}s`];
}

/** Every form, folded, spaces for the underscores of several-word demonyms ("south korean"). */
export const DEMONYMS: ReadonlySet<string> = new Set(
  [COUNTRIES_EN, COUNTRIES_FR, MORE]
    .join(' ')
    .split(/\s+/)
    .filter(Boolean)
    .flatMap((w) => withPlural(w.replace(/_/g, ' ')))
    .map(fold),
);

/** Whether a name, as written, is a demonym (case and accents aside). */
export function isListedDemonym(name: string): boolean {
  return DEMONYMS.has(fold(name).replace(/\s+/g, ' '));
}
