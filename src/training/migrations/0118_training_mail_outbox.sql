-- The trainings' e-mail moves to the one outbox (auth's mail_outbox,
-- migration 0041; issues 17, 18, 19): every row of training_mail (nothing
-- sent them) is queued there, about its sign-up, and the table goes.
-- Numbered after every table it reads (0080) and outside the ranges other
-- work of this time holds (0075-0079, 0083-0089, 0097-0099).
INSERT INTO mail_outbox(kind, ref, recipient, subject, body, next_at,
                        created_at)
SELECT 'training.signup', m.signup_id, m.recipient, m.subject, m.body,
       m.created_at, m.created_at
  FROM training_mail m ORDER BY m.id;
DROP TABLE training_mail;
