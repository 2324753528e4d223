// Shipping outside the US: which countries, how long, customs and duties.
import { phrasings } from "./phrasings";

export default phrasings`
do you ship internationally
do you ship to canada
do you ship outside the us
can you ship to the uk
do you deliver to australia
do you ship to mexico
can i order from germany
do you ship to europe
do you ship worldwide
international shipping?
is international shipping available
do u ship to toronto
i live in vancouver can i order
can you send to france
do you ship to ireland
i'm in the uk, can i buy from you
shipping to canada how long
how long does shipping to canada take
how much is shipping to canada
what does it cost to ship to london
do i have to pay customs
will i be charged duties
are duties included for canadian orders
who pays import fees
do you ship to puerto rico
do you ship to apo addresses
can you ship to an apo fpo address
do you ship to new zealand
ship to japan?
do you ship to brazil
can i get it shipped to spain
do you ship overseas
do you ship abroad
shipping outside usa?
which countries do you ship to
what countries do you deliver to
is shipping available in my country
do you send orders to the philippines
can someone in india order
i'm from canada will my order be charged in usd
can i use a canadian address
do u ship 2 canada
do yall ship to jamaica
ship to montreal??
🇨🇦 shipping?
do you ship to 🇬🇧
international orders?
do you accept international orders
can i order from outside the country
how long does international delivery take
international delivery time
hacen envios a mexico
envían a españa?
hacen envíos internacionales
envian a colombia
puedo comprar desde argentina
cuanto cuesta el envio a mexico
livrez-vous au canada
vous livrez en france ?
expédiez-vous à l'international
livraison en belgique possible ?
je suis au québec, vous livrez ici ?
combien coûte la livraison vers la suisse
do you ship to the caribbean
can you ship to guam
do you ship to south africa
is there tracking on international orders
will customs hold my package
do you ship internationally with dhl
do you ship international
do u ship overseas
do you ship outside the usa
can you ship outside the united states
do you deliver outside the us
intl shipping?
ship to canada?
can i order from canada
can you send it to toronto
do you ship to vancouver
i'm in canada can i order
do you deliver to montreal
how much to ship to canada
shipping to canada cost?
can i order from mexico
do you ship to the uk
ship to uk?
do you ship to london
do you ship to england
can i buy from the uk
do you ship to australia
ship to australia?
do you ship to germany
do you ship to france
do you ship to spain
do you ship to italy
do you ship to the netherlands
ship to europe?
do you ship to the eu
do you ship to japan
do you ship to korea
do you ship to the philippines
do you ship to india
do you ship to guam
can you ship to an apo/fpo address
do you ship to military bases
worldwide shipping?
where do you ship to
is there a list of countries you ship to
do you ship to my country
do you ship to other countries
can i order from another country
i live outside the us can i order
i'm abroad, can you still send it
i live in germany can i buy from you
i'm in the uk, do you deliver here
can you ship to my cousin in canada
can i send a gift to someone in mexico
do i pay customs if i order from canada
will i have to pay duties
are duties included
who pays import taxes
will there be customs fees
customs fees?
import duty to canada?
do you charge vat
is vat included for uk orders
is the price in usd
can i pay in canadian dollars
do you ship international with tracking
how long does international shipping take
international delivery time?
how much is international shipping
international shipping cost?
do you use dhl for international
can i use a freight forwarder
can i ship to a package forwarder
do you ship internationaly
do you ship internationlly
do you ship to canda
do u ship to cananda
ship to canda?
shipping to canad?
do yall ship to the uk
do you ship out of country
ship outside us?
🇨🇦?
shipping to 🇨🇦?
do you ship to 🇲🇽
i found you on instagram but i live in canada, do you ship here or is it us only?
hey! my friend in australia wants to order, can you ship there and how much would it be roughly
hacen envios internacionales?
envian a mexico?
envian fuera de estados unidos?
mandan a españa?
envian a colombia?
hacen envios a argentina
envian a chile
envian a canada?
puedo comprar desde mexico
vivo en mexico, me lo pueden enviar?
cuanto tarda el envio a españa
hay que pagar aduana?
a que paises envian
envian a todo el mundo?
hacen envíos a otros países?
envios internacionales?
pueden mandar a puerto rico
hola, envian a guatemala?
vous livrez au canada ?
vous expédiez au canada
livrez-vous en france ?
vous livrez en belgique ?
vous expédiez en suisse ?
livraison en europe ?
vous livrez à l'international ?
livraison internationale ?
vous envoyez hors des états-unis ?
je suis en france, je peux commander ?
combien coûte la livraison au canada
combien de temps pour livrer au canada
il y a des frais de douane ?
vous livrez dans quels pays
vous expédiez partout dans le monde ?
est-ce que je vais payer la douane
bonjour, livrez-vous à montréal ?
vous livrez aux dom-tom ?
expédition vers le canada possible ?
can you ship to toronto, canada
i'm in ontario, do you deliver
do you ship to bc
do you ship to quebec
can i order from the uk
how much is shipping to the uk
how long does shipping to the uk take
do you ship to scotland
do you ship to sweden
do you ship to norway
do you ship to denmark
do you ship to poland
do you ship to singapore
do you ship to hong kong
do you ship to jamaica
do you ship to dubai
do you ship to israel
is shipping to canada free
any free shipping to canada
do canadians pay duties
does the price include duties for canada
can i get it shipped to europe
can i order internationally
intl orders ok?
ship 2 canada?
do yall ship out the country
can u ship overseas
envian a peru?
envian a venezuela?
hacen envios a europa?
vous livrez au luxembourg ?
vous livrez au maroc ?
how much does it cost to ship to calgary
what would shipping to edmonton run me
shipping price to winnipeg?
how much is delivery to ottawa
rough cost to send a hoodie to halifax
whats the shipping fee to mississauga
how much would you charge to ship to kelowna bc
shipping to saskatoon, how much and how long
how long does it take to get to toronto
delivery time to vancouver?
how many days to ship to montreal
if i order today when would it reach quebec city
how long for a package to get to alberta
shipping time to nova scotia?
how much to ship to ontario
cost to ship to bc?
is shipping to manitoba expensive
how long to ship to a qc address
shipping cost to london?
how much is postage to manchester
how long does delivery to glasgow take
what does it cost to send an order to dublin
delivery to edinburgh how many days
how much is shipping to sydney
how long would it take to get to melbourne
shipping to auckland price?
how much for delivery to berlin
how long does shipping to munich take
whats the cost to ship to amsterdam
delivery time to paris?
how long to get an order to madrid
how much to send to barcelona
shipping fee to stockholm?
how many days to tokyo
shipping cost to seoul
how much to ship to dubai
how much to ship to mexico city
how long does it take to ship to guadalajara
shipping to cancun how much
cost of shipping to monterrey?
what's the price of shipping to the uk roughly
how much would shipping to germany be
eta for delivery to france?
roughly how long to ship to australia
how much is shipping to ireland and how long
hey what would it cost to get two tees sent to my sister in toronto
im in calgary, whats shipping gonna cost me
living in london rn, how much to ship here
how much is shipping outside the country
cuánto cuesta enviar a toronto
cuanto sale el envio a madrid
cuánto tarda en llegar a guadalajara
cuanto cobran por mandar a monterrey
precio del envio a barcelona?
cuantos dias tarda a ciudad de mexico
cuanto es el envio a cancun
cuánto cuesta mandar un paquete a bogotá
cuanto tarda el envio a buenos aires
envio a londres cuanto cuesta
combien coûte la livraison à montréal
combien pour livrer à québec
quel est le prix de la livraison à paris
combien de jours pour une livraison à lyon
livraison en bretagne, c'est combien ?
frais de livraison pour la belgique ?
délai de livraison vers la suisse ?
combien coûte l'envoi à bruxelles
livraison à toulouse en combien de temps ?
combien de temps pour recevoir à marseille
je suis en alsace, combien pour la livraison
tarif de livraison pour l'ontario ?
`;
