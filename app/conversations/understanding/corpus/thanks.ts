// Thanks, acknowledgements and sign-offs: nothing left to answer.
import { phrasings } from "./phrasings";

export default phrasings`
thanks
thank you
thank you so much
thanks so much
thx
ty
tysm
thank u
thanks!
thanks!!
thanks a lot
thanks for the help
thanks for your help
thank you for helping
thanks for getting back to me
thanks for the quick reply
appreciate it
i appreciate it
much appreciated
great, thanks
ok thanks
ok thank you
okay thx
perfect thank you
perfect, thanks!
awesome thanks
cool thanks
sounds good thanks
got it thanks
got it, thank you
that helps thanks
that's helpful, thank you
you're the best
you guys are great
love it thank you
amazing, thanks so much
great service thanks
thanks, have a good day
thank you have a nice day
thanks bye
bye thanks
all good now thanks
never mind i figured it out thanks
all set, thanks
that's all, thanks
no that's it, thanks
thank you 🙏
thanks ❤️
ty 😊
🙏
👍 thanks
thanx
thnx
thnks
thakns
thank yu
gracias
muchas gracias
mil gracias
gracias por la ayuda
merci
merci beaucoup
merci pour votre aide
super merci
thanks again
thank you again
cheers
cheers mate
ok great
got it
perfect
thanks a bunch
many thanks
thank you!
thankss
thanku
thank youu
perfect thanks
great thanks
awesome thank you
that helped a lot, thanks
really appreciate the help
thank you for the quick reply
thanks for letting me know
you guys are awesome
🙏🙏
thx 👍
👍
great, thanks for the info
ok gracias
perfecto gracias
merci bien
merci pour l'aide
parfait merci
thanks for your time
thank you for your patience
thanks for the quick answer
thanks for sorting it out
thank you for fixing it
thanks that's perfect
perfect, thank you so much
amazing thank you
wonderful thanks
thanks again for the help
thank you very much
thanks so much for helping
thank you kindly
very helpful thanks
super helpful
you've been very helpful
thank you have a good day
thanks have a great weekend
gracias por todo
muchas gracias por la ayuda
gracias de nuevo
merci encore
merci pour votre réponse
merci beaucoup pour votre aide
`;
