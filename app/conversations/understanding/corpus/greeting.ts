// A greeting with nothing asked yet.
import { phrasings } from "./phrasings";

export default phrasings`
hi
hello
hey
hey there
hi there
hello!
hiii
heyy
heyyy
yo
good morning
good afternoon
good evening
morning!
hi 👋
👋
hello 😊
hey :)
hi, i have a question
hi i have a quick question
hello, quick question
hey, can i ask something
hi can you help me
hello can someone help
i have a question
question for you
got a minute?
are you there?
hi is this textback demo
hi is this the store
hello is this the shop
is this the right number for the store
hi! first time texting
hey hey
sup
howdy
greetings
hiya
hello hello
hi team
hi friends
hey guys
good day
hi, how are you
hello how are you today
hope you're well
hi, it's maya
hey it's jonah from the other day
hello, this is priya
hola
hola buenas
buenos días
buenas tardes
hola, tengo una pregunta
bonjour
bonsoir
salut
coucou
bonjour, j'ai une question
hello? 
hiiii 😊
heya
ello
hai
hi again
hey again
hello again, another question
morning, quick q
`;
