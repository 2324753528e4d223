// Care and materials: washing, drying, fabric, what things are made of.
import { phrasings } from "./phrasings";

export default phrasings`
how do i wash this
how should i wash the hoodie
can i put it in the dryer
can it go in the dryer
is it machine washable
can i machine wash it
do i need to dry clean it
is it dry clean only
how do i care for linen
care instructions?
what are the care instructions
will it shrink in the wash
does it shrink
does the cotton shrink
can i iron it
can i iron the shirt
how do i keep it from pilling
does it pill
will the color fade
does the color bleed in the wash
should i wash it in cold water
hand wash or machine?
what is it made of
what's the material
what fabric is this
what is the fabric content
is it 100% cotton
is it real cotton
is this polyester
is the sweater wool
is it itchy
is the fabric thick
is the material thin or see through
is it see through
is it breathable
is it good for hot weather
is the material soft
is it organic cotton
is it vegan
is the leather real
is it sustainable
where are your clothes made
where is this made
is it made in the usa
is it ethically made
what is the linen shirt made of
what material are the jeans
how heavy is the fabric
whats the gsm
is it stretchy material
does the fabric wrinkle easily
how to get a stain out
how do i clean the shoes
can the shoes go in the washer
how to wash 🧺
washing instructions pls
how do i wahs it
matrial?
wat fabric is it
como lavo la prenda
se puede meter a la secadora
de qué material es
es de algodón
encoge al lavarla?
comment laver ce vêtement
ça passe au sèche-linge ?
c'est en quelle matière
est-ce que ça rétrécit au lavage
c'est du coton ?
is it hypoallergenic
is the dye safe for sensitive skin
does it need special care
`;
