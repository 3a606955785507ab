"""newsdb's pure CPU work, one package per stage, in the order a document meets them:

    clean/  ->  nlp  ->  quotes/, events/  ->  frames  (-> connectors/duckstore.py loads them)

``batch.process_batch`` runs one batch through all of them; ``model`` declares the records they
exchange; ``run/`` keeps the bookkeeping of a run (incremental plan, summary, versions). A stage
imports only the stages before it and ``model``; nothing here imports Prefect or does I/O.
"""
