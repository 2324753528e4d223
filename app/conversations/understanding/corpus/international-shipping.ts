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
`;
