// Availability: in stock, sold out, restocks, sizes or colours available, waitlists.
import { phrasings } from "./phrasings";

export default phrasings`
is this in stock
is the hoodie in stock
do you have this in stock
is it available
is the medium available
do you have a small in black
do you have it in size 8
is the large sold out
its sold out will you restock
when will you restock
when is the restock
will the linen shirt be back
will you restock the green one
when is the navy coming back
is the xl coming back in stock
do you have more coming in
will you get more
how can i get notified when its back
can i join the waitlist
is there a waitlist
can you let me know when it's back in stock
can i preorder it
do you take preorders
why is it out of stock
it says sold out online, do you have any left
is it sold out everywhere
do you have any left
any left in medium?
do you still carry the striped tee
did you discontinue the cargo pants
are you bringing back the red dress
is the blue available in large
do you have other colors
what colors does it come in
does it come in black
will there be more sizes
only xs left?? restock when
restock?
back in stock when?
in stock?
sold out?? 😭
restock pls 🙏
when r u restocking
wen restock
is it in stok
out of stok?
will it be restocked soon
is this a limited edition
is it limited or will you make more
how many are left
is the item in your store in stock
can you hold one for me
can you reserve a medium for me
tienen en existencia
hay en talla m
cuando vuelve a estar disponible
lo van a reabastecer?
esta agotado?
est-ce disponible en taille m
quand sera-t-il de nouveau en stock
c'est en rupture ?
vous allez réapprovisionner ?
il en reste en noir ?
the website says only 2 left is that true
is the sale item still available
do you have the kids version
will the bundle come back
can you check if size 10 is available
is it in stock
do you have it in medium
do you have the hoodie in a large
is the small available
is size m available
any larges left
do you have any xl left
is the black one in stock
do you have it in grey
when will it be back in stock
when is it back
restock date?
will you restock this
will you restock the green
are you restocking the joggers
will the medium come back
its sold out, will it come back
sold out?
why is it sold out
everything is sold out in my size
can i preorder
can i pre order it
can i backorder it
can i get on the waitlist
can you notify me when it's back
text me when it's restocked
let me know when its back in stock
are there any left
is it limited edition
will there be more
do you have more coming
when do new items drop
when is the next drop
new drop?
when are you releasing new colors
do you still sell the red hoodie
is the old design discontinued
do you have it in other colors
are more sizes coming
is it available in store
do you have it in your store
stock?
in stok?
restok when
when restoock
is it avalable
availble in large?
back in stock? 👀
restock 🙏🙏
sold out 😭 when back
hey, the olive hoodie has been sold out in medium for weeks, any idea when it's coming back or should i just get a different color?
lo tienen en stock?
hay en talla m?
esta disponible?
cuando reabastecen
van a volver a traer la sudadera negra?
tienen en otros colores?
me avisan cuando llegue?
quedan tallas grandes?
hola, tienen la playera en talla s?
c'est en stock ?
vous l'avez en M ?
c'est disponible ?
quand est-ce que ça revient en stock
vous allez le réassortir ?
prévenez-moi quand c'est de retour
il reste des tailles L ?
ça existe en d'autres couleurs ?
bonjour, le sweat noir revient quand ?
do you have this in a small
is the grey hoodie available in xl
any mediums in the black joggers
do you have size 10 in stock
is it out of stock
out of stock?
when will the xs be back
when do you restock
how often do you restock
do you restock sold out items
will the holiday collection come back
is the pink one coming back
when will you have more larges
is it coming back in stock
can i reserve one
can you put one aside
is there any stock left
how many do you have
only one left?
does it say low stock for real
is the website stock accurate
do you have it in the warehouse
i want one when it's back
notify me when available
back in stock alert?
restock alert pls
in stock in large?
availabe in m?
sold out in my size 😩
stock??
reposicion cuando?
ya hay en stock?
la van a volver a sacar?
c'est de nouveau disponible quand ?
vous aurez du stock bientôt ?
`;
