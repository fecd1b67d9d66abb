graph [
  node [ id 1 label "no end ]
]
