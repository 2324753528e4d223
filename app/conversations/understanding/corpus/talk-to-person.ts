// Asks for a person: a human, an agent, a call back, or doubts it is talking to one.
import { phrasings } from "./phrasings";

export default phrasings`
can i talk to a person
i want to talk to a human
can i speak to someone
speak to a real person please
let me talk to a human
i need to speak with someone
can i speak with a manager
get me a manager
i want a supervisor
can i talk to customer service
is there a customer service number
what's your phone number
can someone call me
call me please
please have someone call me
can i get a call back
is this a bot
am i talking to a robot
are you a real person
is this automated
are you human
is anyone there
hello is anyone there
can a real person answer
i don't want a bot
stop sending me automated answers i want a person
agent
representative
human please
person please
real person
customer service
talk to someone
need a human
human pls 🙏
can someone text me back
can someone help me with my order personally
can i speak to the owner
i want to talk to whoever is in charge
connect me to support
put me through to support
transfer me to an agent
live chat?
i need real help
this isn't helping, can someone actually look at this
i need someone to look at my account
is there someone i can talk to
who can i talk to about my order
can a team member help me
i'd like to chat with an employee
can i get help from a person
talk to an agent pls
can i speak to sombody
human?
anyone?
quiero hablar con una persona
puedo hablar con alguien
hay algún humano
necesito hablar con un agente
me pueden llamar
eres un robot?
je veux parler à quelqu'un
puis-je parler à un conseiller
est-ce un robot ?
appelez-moi svp
un humain svp
i have a question only a person can answer
can i talk to someone about a special request
please get someone on the phone
`;
