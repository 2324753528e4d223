// Everything else: texts that are not about the shop's usual questions, or not questions at all.
import { phrasings } from "./phrasings";

export default phrasings`
my cat walked across the keyboard
sorry wrong number
wrong number
who is this
who's this
what is this
how did you get my number
lol
haha
ok
k
yes
no
maybe
sure
idk
?
...
test
testing 123
asdfghjkl
what time is it
whats the weather like
did you see the game last night
are you open on sundays
what are your store hours
where is your store located
do you have a physical store
do you sell gift cards
can i buy a gift card
do you do wholesale
are you hiring
i'd like to apply for a job
can we collaborate, i'm an influencer
do you sponsor creators
i want to sell my products in your store
do you do custom orders
can you make a custom design
do you have an app
how do i create an account
i forgot my password
how do i log in
how do i delete my account
can you recommend a gift for my mom
what would go with black jeans
what's your most popular item
which hoodie is best for winter
do you have a catalog
are you on instagram
what's your website
do you have a newsletter
can i leave a review
where do i write a review
love your brand
my friend told me about you
just browsing
never mind
nvm
forget it
sorry, meant to text someone else
call you later
brb
i'll think about it
see you soon
happy holidays
merry christmas
happy new year
happy birthday to me lol
i'm outside
running late
what's up with the weather today
can you help me with my homework
what's 2+2
tell me a joke
who won the election
is your ceo on vacation
🤷
😂😂
🔥🔥🔥
👀
qué hora es
número equivocado
quién es
c'est qui ?
mauvais numéro
je cherche un cadeau pour ma soeur
do you have a store in chicago
are dogs allowed in your store
do you sell kids clothes
do you sell accessories
what is your company's mission
are you a black owned business
do you donate to charity
what's your return address for letters
can i visit the warehouse
how long have you been in business
`;
