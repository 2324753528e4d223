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
`;
